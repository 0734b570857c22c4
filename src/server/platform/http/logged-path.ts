// The path as the request log writes it: secrets that travel in a path (an invitation's one-time token in
// /api/public/sdgs/invitations/<token> and the page /public/sdgs/invitation/<token>) are masked, so that whoever reads
// the logs cannot use a link that has not been used yet. Record ids (UUIDs) and the import route stay: no secret.
const SECRET_SEGMENT = /\/(invitations?)\/(?!(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|import)(?:\/|$))[^/]+/gi;

export function loggedPath(path: string): string {
  return path.replace(SECRET_SEGMENT, "/$1/***");
}
