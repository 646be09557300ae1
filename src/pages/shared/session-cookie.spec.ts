import { sessionCookieOptions } from './session-cookie';

describe('the session cookie', () => {
  it('is httpOnly and SameSite=Lax everywhere, and Secure in production only', () => {
    expect(sessionCookieOptions(true, 1000)).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      path: '/',
      maxAge: 1000,
    });
    expect(sessionCookieOptions(false)).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
    });
  });
});
