// /search?q=: results of the cross-module search, grouped by module, each with its snippet and a link.
import { Badge, Button, Group, Highlight, Loader, NativeSelect, Pagination, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { type SearchHit, search } from "../../common/api/platform";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "../ui/ErrorAlert";
import { InternalLink } from "../ui/InternalLink";
import { PageHeader } from "../ui/PageHeader";

const PAGE_SIZE = 20;

function groupByModule(hits: SearchHit[]): { module: string; label: string; hits: SearchHit[] }[] {
  const groups = new Map<string, { module: string; label: string; hits: SearchHit[] }>();
  for (const hit of hits) {
    const group = groups.get(hit.module) ?? { module: hit.module, label: hit.moduleLabel, hits: [] };
    group.hits.push(hit);
    groups.set(hit.module, group);
  }
  return [...groups.values()];
}

export function SearchPage({ q, module, page }: { q?: string; module?: string; page: number }) {
  const navigate = useNavigate();
  const text = (q ?? "").trim();
  const [input, setInput] = useState(text);
  useEffect(() => setInput(text), [text]);
  const valid = text.length >= 2;
  const results = useQuery({
    queryKey: ["search", text, module ?? "", page],
    queryFn: () => call(search, { query: { q: text, module, page, pageSize: PAGE_SIZE } }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const [knownModules, setKnownModules] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!results.data) return;
    setKnownModules((current) => {
      const next = new Map(current);
      for (const hit of results.data.items) next.set(hit.module, hit.moduleLabel);
      return next.size === current.size ? current : next;
    });
  }, [results.data]);

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate({ to: "/search", search: { q: input.trim() || undefined, module } });
  }

  const data = results.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const groups = data ? groupByModule(data.items) : [];

  return (
    <>
      <PageHeader title={valid ? m.search.resultsFor(text) : m.search.title} />
      <Paper withBorder p="md" mb="lg">
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader in use here */}
        <form role="search" onSubmit={submit} aria-label={m.search.title}>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={m.shell.searchLabel}
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              type="search"
              style={{ flex: "1 1 18rem" }}
              error={input.trim().length === 1 ? m.search.tooShort : undefined}
            />
            {knownModules.size > 1 || module ? (
              <NativeSelect
                label={m.search.moduleFilter}
                value={module ?? ""}
                onChange={(e) => navigate({ to: "/search", search: { q: text || undefined, module: e.currentTarget.value || undefined } })}
                data={[{ value: "", label: m.search.allModules }, ...[...knownModules].map(([value, label]) => ({ value, label }))]}
              />
            ) : null}
            <Button type="submit">{m.common.search}</Button>
          </Group>
        </form>
      </Paper>

      {!valid && <Text>{text.length === 1 ? m.search.tooShort : m.search.prompt}</Text>}
      {valid && results.isPending && (
        <Group role="status" gap="xs">
          <Loader size="sm" />
          <Text>{m.common.loading}</Text>
        </Group>
      )}
      <ErrorAlert error={results.error} />
      {valid && data && (
        <Stack gap="lg">
          <Text role="status">{data.total > 0 ? m.search.total(data.total) : m.search.empty(text)}</Text>
          {groups.map((group) => (
            <section key={group.module} aria-labelledby={`search-group-${group.module}`}>
              <Title order={2} size="h3" id={`search-group-${group.module}`} mb="sm" className="yk-section-title">
                {group.label}
                <Text span size="sm" fw={400} ml="sm">
                  （{group.hits.length}件）
                </Text>
              </Title>
              <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {group.hits.map((hit) => (
                  <Paper key={`${hit.entityType}-${hit.entityId}`} withBorder p="md" component="li">
                    <Group gap="xs" mb={4}>
                      <Badge size="sm" variant="outline" color="gray" styles={{ root: { color: "#343a40", textTransform: "none" } }}>
                        {hit.moduleLabel}
                      </Badge>
                      <InternalLink href={hit.url} fw={700}>
                        {hit.title}
                      </InternalLink>
                    </Group>
                    <Highlight highlight={text} size="sm" color="yellow" highlightStyles={{ color: "inherit", fontWeight: 700 }}>
                      {hit.snippet}
                    </Highlight>
                  </Paper>
                ))}
              </Stack>
            </section>
          ))}
          {totalPages > 1 && (
            <nav aria-label={m.table.pagination}>
              <Pagination
                total={totalPages}
                value={page}
                onChange={(next) => navigate({ to: "/search", search: { q: text, module, page: next > 1 ? next : undefined } })}
                getItemProps={(n) => ({ "aria-label": m.table.page(n), "aria-current": n === page ? "page" : undefined })}
                getControlProps={(control) => ({
                  "aria-label": { first: m.table.first, previous: m.table.prev, next: m.table.next, last: m.table.last }[control],
                })}
              />
            </nav>
          )}
        </Stack>
      )}
    </>
  );
}
