/** A session's calendar UID: the same in every version and every feed that carries it. */
export function sessionUid(sessionId: number, publicUrl: string): string {
  return `session-${sessionId}@${new URL(publicUrl).hostname}`;
}
