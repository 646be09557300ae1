import { Response } from 'express';
import { Role } from '../../accounts/account.entity';

/** Where each role starts. */
export function homeOf({ role }: { role: Role }): string {
  switch (role) {
    case 'organizer':
      return '/admin';
    case 'host':
      return '/stages';
    default:
      return '/schedule';
  }
}

/** Only a path of this site: never `//other.site` or `https://…`, so a link cannot send people away. */
export function localPath(next: unknown): string | undefined {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : undefined;
}

/** After a form: the browser loads the next page with GET (a reload does not send it again). */
export function seeOther(response: Response, location: string): void {
  response.redirect(303, location);
}
