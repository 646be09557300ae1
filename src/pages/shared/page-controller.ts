import { Controller, UseFilters, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { PageGuard } from './page-context';
import { PageExceptionFilter } from './page-errors';

/**
 * A controller of web pages: outside the API's bearer tokens (the pages sign in with a cookie,
 * `PageGuard`), errors answered as pages, and left out of the API's OpenAPI document.
 */
export function PageController(path?: string) {
  return applyDecorators(
    Controller(path ?? ''),
    Public(),
    UseGuards(PageGuard),
    UseFilters(PageExceptionFilter),
    ApiExcludeController(),
  );
}
