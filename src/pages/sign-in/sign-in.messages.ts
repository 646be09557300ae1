import { catalogue } from '../shared/i18n';

export const signInTexts = catalogue({
  ru: {
    title: 'Вход',
    intro: 'Школа мэров: расписание, повестки этапов и посещаемость.',
    email: 'Электронная почта',
    password: 'Пароль',
    submit: 'Войти',
    wrongCredentials: 'Неверная почта или пароль.',
    publicAgendaHint: 'Открытые повестки этапов доступны по ссылке без входа.',
    acceptTitle: 'Приглашение',
    acceptIntro: 'Придумайте пароль, чтобы войти в Школу мэров.',
    newPassword: 'Новый пароль',
    newPasswordHint: (min: number) => `Не короче ${min} знаков.`,
    repeatPassword: 'Пароль ещё раз',
    passwordsDiffer: 'Пароли не совпадают',
    acceptSubmit: 'Сохранить пароль и войти',
    linkInvalid:
      'Ссылка недействительна: она устарела, уже использована или заменена новой. Попросите организатора прислать новое приглашение.',
    noToken: 'В ссылке нет кода приглашения. Откройте ссылку из письма целиком.',
    toSignIn: 'Ко входу',
  },
  en: {
    title: 'Sign in',
    intro: 'School of Mayors: schedules, stage agendas and attendance.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    wrongCredentials: 'Wrong email or password.',
    publicAgendaHint: 'Public stage agendas open from their link without signing in.',
    acceptTitle: 'Invitation',
    acceptIntro: 'Choose a password to sign in to the School of Mayors.',
    newPassword: 'New password',
    newPasswordHint: (min: number) => `At least ${min} characters.`,
    repeatPassword: 'Password again',
    passwordsDiffer: 'The passwords differ',
    acceptSubmit: 'Save the password and sign in',
    linkInvalid:
      'The link is not valid: it has expired, was used already or was replaced by a newer one. Ask the organizer for a new invitation.',
    noToken: 'The link has no invitation code. Open the whole link from the email.',
    toSignIn: 'To sign in',
  },
});
