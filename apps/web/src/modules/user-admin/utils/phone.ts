/** Same rule as the API (CHK_app_user_phone) after its normalisation of brackets and spaces. */
const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,24}([ ]?转[0-9]{1,6})?$/;

export function isValidPhone(value: string | undefined | null): boolean {
  const phone = (value ?? '')
    .trim()
    .replace(/[（(]/g, '')
    .replace(/[）)]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^-+|-+$/g, '');
  return phone === '' || (phone.length <= 32 && PHONE_PATTERN.test(phone));
}
