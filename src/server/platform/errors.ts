// Typed domain errors with a stable code and a Japanese message for the user; the HTTP layer maps them once.

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super(400, "validation_failed", message, fields);
  }
}

export class Unauthenticated extends AppError {
  constructor(message = "ログインしてください。") {
    super(401, "unauthenticated", message);
  }
}

export class Forbidden extends AppError {
  constructor(message = "この操作を行う権限がありません。") {
    super(403, "forbidden", message);
  }
}

export class NotFound extends AppError {
  constructor(what = "対象") {
    super(404, "not_found", `${what}が見つかりません。`);
  }
}

export class Conflict extends AppError {
  constructor(message: string, code = "conflict", fields?: Record<string, string>) {
    super(409, code, message, fields);
  }
}

export class TooManyRequests extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "too_many_requests", message);
  }
}
