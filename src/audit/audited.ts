/** How the audit log treats one entity's fields. */
export interface AuditPolicy {
  /** Never in the log: derived or bookkeeping columns. */
  omit: ReadonlySet<string>;
  /** Logged with their values hidden: contacts. */
  redact: ReadonlySet<string>;
  /** Secrets, by column: an update says only that the secret (by its label) was changed. */
  secrets: ReadonlyMap<string, string>;
}

const policies = new Map<unknown, AuditPolicy>();

/** Every change to this entity is written to the audit log, in the change's unit of work. */
export function Audited(
  options: { omit?: string[]; redact?: string[]; secrets?: Record<string, string> } = {},
): ClassDecorator {
  return (target) => {
    const secrets = new Map(Object.entries(options.secrets ?? {}));
    policies.set(target, {
      omit: new Set(['createdAt', 'updatedAt', ...(options.omit ?? []), ...secrets.keys()]),
      redact: new Set(options.redact ?? []),
      secrets,
    });
  };
}

/** What the log says of a changed secret. */
export const CHANGED = '(changed)';

/** The policy of an audited entity class; undefined for what is not audited. */
export function auditPolicyOf(target: unknown): AuditPolicy | undefined {
  return policies.get(target);
}

/** What the log holds instead of a redacted value. */
export const REDACTED = '(hidden)';
