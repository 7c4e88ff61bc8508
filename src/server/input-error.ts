/** Invalid user input (a query parameter, an option): HTTP 400 / CLI exit 2, with this message. */
export class InputError extends Error {
  override name = 'InputError';
}
