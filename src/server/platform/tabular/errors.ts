// A file that cannot be read as a table at all (unknown encoding, broken quoting, not an .xlsx).
// Carries a stable code and a Japanese message for the user; the HTTP layer maps it to a 400.
export class TabularFormatError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TabularFormatError";
    this.code = code;
  }
}
