import { BadRequestException, Param, PipeTransform } from '@nestjs/common';

const MAX_ID = 2_147_483_647;

class ParseIdPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    const id = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
    if (!(id <= MAX_ID)) {
      throw new BadRequestException([`${this.name} must be a positive integer`]);
    }
    return id;
  }
}

/** A positive integer id from the path; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') => Param(name, new ParseIdPipe(name));
