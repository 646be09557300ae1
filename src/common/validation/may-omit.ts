import { ValidateIf, ValidationOptions } from 'class-validator';

/**
 * The field may be left out, but when present it must be valid: `null` is refused. For optional
 * input of NOT NULL columns that have a default (`@IsOptional()` would let `null` through).
 */
export function MayOmit(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}
