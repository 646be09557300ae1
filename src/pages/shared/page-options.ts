import { csrfProtection } from './csrf';

export const CSRF = Symbol('CSRF');
export type Csrf = ReturnType<typeof csrfProtection>;

export const PAGE_OPTIONS = Symbol('PAGE_OPTIONS');
export interface PageOptions {
  /** Cookies only over HTTPS. */
  production: boolean;
  sessionTtlHours: number;
}
