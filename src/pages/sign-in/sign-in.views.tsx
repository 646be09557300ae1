import { CsrfField, Layout } from '../shared/layout';
import { FieldErrors } from '../shared/forms';
import { FormProblems, TextField } from '../shared/form-fields';
import { PageContext } from '../shared/page-context';
import { signInTexts } from './sign-in.messages';

export function SignInPage({
  page,
  email,
  next,
  errors,
  problems = [],
}: {
  page: PageContext;
  email?: string;
  next?: string;
  errors?: FieldErrors;
  problems?: string[];
}) {
  const t = signInTexts(page.locale);
  return (
    <Layout page={page} title={t.title}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <FormProblems problems={problems} />
      <form method="post" action="/sign-in" class="narrow" novalidate>
        <CsrfField page={page} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField
          name="email"
          label={t.email}
          type="email"
          value={email}
          autocomplete="username"
          required
          errors={errors}
        />
        <TextField
          name="password"
          label={t.password}
          type="password"
          autocomplete="current-password"
          required
          errors={errors}
        />
        <button type="submit">{t.submit}</button>
      </form>
      <p class="muted">{t.publicAgendaHint}</p>
    </Layout>
  );
}

export function AcceptInvitationPage({
  page,
  token,
  usable = true,
  minLength,
  errors,
  problems = [],
}: {
  page: PageContext;
  token: string;
  /** False for a link already used, replaced or expired: no form, only what to do next. */
  usable?: boolean;
  minLength: number;
  errors?: FieldErrors;
  problems?: string[];
}) {
  const t = signInTexts(page.locale);
  return (
    <Layout page={page} title={t.acceptTitle}>
      <h1>{t.acceptTitle}</h1>
      {token && usable && <p>{t.acceptIntro}</p>}
      <FormProblems problems={usable ? problems : [t.linkInvalid]} />
      {!token ? (
        <p>{t.noToken}</p>
      ) : !usable ? (
        <p>
          <a href="/">{t.toSignIn}</a>
        </p>
      ) : (
        <form method="post" action="/accept-invitation" class="narrow" novalidate>
          <CsrfField page={page} />
          <input type="hidden" name="token" value={token} />
          <TextField
            name="password"
            label={t.newPassword}
            hint={t.newPasswordHint(minLength)}
            type="password"
            autocomplete="new-password"
            required
            errors={errors}
          />
          <TextField
            name="repeatPassword"
            label={t.repeatPassword}
            type="password"
            autocomplete="new-password"
            required
            errors={errors}
          />
          <button type="submit">{t.acceptSubmit}</button>
        </form>
      )}
    </Layout>
  );
}
