import { NotFoundException, Param, PipeTransform } from '@nestjs/common';
import { MAX_INTEGER } from '../../common/http/input-problems';

class ParsePageIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
    if (!(id <= MAX_INTEGER)) {
      throw new NotFoundException();
    }
    return id;
  }
}

/** A positive integer id from a page's path; any other address is a page that does not exist. */
export const PageIdParam = (name = 'id') => Param(name, new ParsePageIdPipe());
