import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { findInputProblems, findNumbersOutOfRange } from './input-problems';

/**
 * The one validation of all input: unknown fields refused, every problem listed, bodies and
 * queries turned into their DTO classes. Before the DTO rules, every string of the input is
 * checked for what no field may hold (NUL, a lone surrogate, only blanks) and keys that would
 * reach an object's prototype are refused; every number must fit the database's integers, named
 * beside the rules' problems when there are any. Path parameters are left as written for
 * `IdParam`, so that `1e3` or `0x1A` is not quietly read as a number.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body' && metadata.type !== 'query') {
      return super.transform(value, metadata);
    }
    const { problems, refuseAtOnce } = findInputProblems(value);
    if (refuseAtOnce) {
      throw new BadRequestException(problems);
    }
    let transformed: unknown;
    try {
      transformed = await super.transform(value, metadata);
    } catch (error) {
      const refused = error instanceof BadRequestException;
      if (!refused && problems.length === 0) {
        throw error;
      }
      // A validator may itself fail on text that is not well-formed: ours are the problems then.
      const theirs = refused ? messagesOf(error) : [];
      // Numbers too large for the database are named beside the rules' problems, not after.
      const numbers = findNumbersOutOfRange(value).filter((problem) => !theirs.includes(problem));
      throw new BadRequestException([...problems, ...theirs, ...numbers]);
    }
    problems.push(...findNumbersOutOfRange(transformed));
    if (problems.length > 0) {
      throw new BadRequestException(problems);
    }
    return transformed;
  }

  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

function messagesOf(error: BadRequestException): string[] {
  const { message } = error.getResponse() as { message?: string | string[] };
  return Array.isArray(message) ? message : [String(message ?? error.message)];
}
