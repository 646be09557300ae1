/** The first organizer of every test database, created from ADMIN_EMAIL / ADMIN_PASSWORD. */
export const ORGANIZER = {
  email: 'organizer@example.ru',
  password: 'organizer password 2025',
};
