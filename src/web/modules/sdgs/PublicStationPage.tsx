// /public/sdgs/station (no sign-in): the SDGsステーション's published events and information — upcoming events first,
// then information, then past events — with dates in 和暦; /public/sdgs/station/$id one post. An unpublished post reads
// as not found.
import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { PublicStationPost } from "../../../common/api/sdgs-station";
import { ApiError } from "../../api/client";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { dateInJapan, eventWhen } from "./StationParts";
import { stm } from "./stationMessages";
import { usePublicPost, usePublicPosts } from "./stationQueries";

const t = stm.public;
const crumbs = [
  { label: "公開ページ", href: "/public" },
  { label: t.title, href: "/public/sdgs/station" },
];

function PostCard({ post }: { post: PublicStationPost }) {
  return (
    <Paper withBorder p="md" component="article">
      <Group gap={8} wrap="wrap">
        <Title order={3} size="h4">
          <InternalLink href={`/public/sdgs/station/${post.id}`}>{post.title}</InternalLink>
        </Title>
        {post.isSample && <SampleBadge />}
      </Group>
      {post.kind === "event" ? (
        <Stack gap={2} mt={6}>
          <Text size="sm">
            {t.when}: {eventWhen(post.startsAt, post.endsAt)}
          </Text>
          {post.place && (
            <Text size="sm">
              {t.place}: {post.place}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" mt={6}>
          {t.publishedOn}: <DateText iso={dateInJapan(post.publishedAt)} western="title" />
        </Text>
      )}
    </Paper>
  );
}

function Group_({ title, posts }: { title: string; posts: PublicStationPost[] }) {
  if (posts.length === 0) return null;
  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h3">
        {title}
      </Title>
      {posts.map((p) => (
        <PostCard key={p.id} post={p} />
      ))}
    </Stack>
  );
}

export function PublicStationPage({ page = 1 }: { page?: number }) {
  const posts = usePublicPosts(page);
  const items = posts.data?.items ?? [];
  const total = posts.data?.total ?? 0;
  return (
    <>
      <PageHeader title={t.title} breadcrumbs={[{ label: "公開ページ", href: "/public" }, { label: t.title }]} subtitle={t.intro} />
      {posts.isPending ? (
        <Loading />
      ) : posts.error ? (
        <ErrorAlert error={posts.error} />
      ) : items.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <Stack gap="xl">
          <Group_ title={t.upcoming} posts={items.filter((p) => p.upcoming)} />
          <Group_ title={t.info} posts={items.filter((p) => p.kind === "info")} />
          <Group_ title={t.past} posts={items.filter((p) => p.kind === "event" && !p.upcoming)} />
          {total > page * 20 && <InternalLink href={`/public/sdgs/station?page=${page + 1}`}>{`${page + 1}ページ目へ`}</InternalLink>}
        </Stack>
      )}
    </>
  );
}

export function PublicStationPostPage({ id }: { id: string }) {
  const post = usePublicPost(id);
  if (post.isPending) return <Loading />;
  if (post.error || !post.data)
    return (
      <>
        <PageHeader title={t.title} breadcrumbs={crumbs} />
        {post.error instanceof ApiError && post.error.status === 404 ? <Text>{t.notFound}</Text> : <ErrorAlert error={post.error} />}
        <InternalLink href="/public/sdgs/station">{t.back}</InternalLink>
      </>
    );
  const p = post.data;
  return (
    <>
      <PageHeader title={p.title} breadcrumbs={[...crumbs, { label: p.title }]} badges={p.isSample ? <SampleBadge /> : undefined} />
      <Stack gap="md">
        {p.kind === "event" ? (
          <Stack gap={4}>
            <Text>
              {t.when}: {eventWhen(p.startsAt, p.endsAt)}
            </Text>
            {p.place && (
              <Text>
                {t.place}: {p.place}
              </Text>
            )}
          </Stack>
        ) : (
          <Text>
            {t.publishedOn}: <DateText iso={dateInJapan(p.publishedAt)} />
          </Text>
        )}
        <Text style={{ whiteSpace: "pre-wrap" }}>{p.body}</Text>
        {p.url && (
          <Text>
            {t.link}:{" "}
            <Anchor href={p.url} target="_blank" rel="noopener noreferrer">
              {p.url}
            </Anchor>
          </Text>
        )}
        <div>
          <InternalLink href="/public/sdgs/station">{t.back}</InternalLink>
        </div>
      </Stack>
    </>
  );
}
