/**
 * The body of a request that takes none: with the validation pipe's whitelist, any field sent
 * is refused (400) rather than ignored.
 */
export class EmptyBody {}
