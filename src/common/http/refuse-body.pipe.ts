import { BadRequestException, PipeTransform } from '@nestjs/common';

/**
 * For a request that takes no body: anything sent as JSON (an object with fields, an array) is
 * refused (400) rather than ignored. Use as `@Body(RefuseBody) _body: unknown`.
 */
export class RefuseBodyPipe implements PipeTransform {
  transform(value: unknown): undefined {
    if (Array.isArray(value)) {
      throw new BadRequestException(['This request takes no body']);
    }
    if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
      throw new BadRequestException(
        Object.keys(value).map((field) => `property ${field} should not exist`),
      );
    }
    return undefined;
  }
}

export const RefuseBody = new RefuseBodyPipe();
