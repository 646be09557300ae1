import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';

/**
 * The one validation of all input: unknown fields refused, every problem listed, bodies and
 * queries turned into their DTO classes. Path parameters are left as written for `IdParam`,
 * so that `1e3` or `0x1A` is not quietly read as a number.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}
