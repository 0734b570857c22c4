// The running version, shown by /api/health and the API docs.
export const APP_VERSION = "0.1.0";
