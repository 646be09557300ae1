import { Transform } from 'class-transformer';

/** Leading and trailing blanks are dropped before validation: ` A` and `A` are one value. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : value,
  );
}
