/** The client-side minimum; the server's password policy is the authority. */
export const MIN_PASSWORD_LENGTH = 8;
