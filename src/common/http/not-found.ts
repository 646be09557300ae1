import { NotFoundException } from '@nestjs/common';

export function notFound(what: string, id: number): NotFoundException {
  return new NotFoundException(`${what} ${id} not found`);
}
