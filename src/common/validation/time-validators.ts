import { ValidationOptions, registerDecorator } from 'class-validator';
import {
  isValidDateOrInstant,
  isValidDateTimeInput,
  isValidLocalDate,
  isValidTimeZone,
} from '../time/time';

function stringRule(
  name: string,
  test: (value: string) => boolean,
  describe: (property: string) => string,
) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyKey) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyKey as string,
        options: { message: ({ property }) => describe(property), ...options },
        validator: { validate: (value: unknown) => typeof value === 'string' && test(value) },
      });
}

export const IsIanaTimeZone = stringRule(
  'isIanaTimeZone',
  isValidTimeZone,
  (property) => `${property} must be an IANA time zone such as Europe/Moscow`,
);

export const IsLocalDate = stringRule(
  'isLocalDate',
  isValidLocalDate,
  (property) => `${property} must be a date as YYYY-MM-DD`,
);

export const IsDateTimeInput = stringRule(
  'isDateTimeInput',
  isValidDateTimeInput,
  (property) =>
    `${property} must be a date and time such as 2025-11-18T10:00 (wall clock of the stage) or 2025-11-18T07:00Z`,
);

export const IsDateOrInstant = stringRule(
  'isDateOrInstant',
  isValidDateOrInstant,
  (property) =>
    `${property} must be a local date such as 2025-11-18 or an instant with its offset such as 2025-11-18T07:00Z, in the years 1 to 9999 in UTC`,
);
