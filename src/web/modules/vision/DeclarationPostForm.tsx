// The form on /vision/declarations that posts an Action宣言: the text (with a live character counter), named or 匿名,
// the division and the strategy it belongs to. The text is checked here (required, at most DECLARATION_MAX_CHARS
// characters); the rest by the server.
import { Button, Group, NativeSelect, Paper, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DECLARATION_MAX_CHARS, postDeclaration } from "../../../common/api/vision-engagement";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { em } from "./engagementMessages";
import { useOrganisationList } from "./engagementQueries";

const charCount = (text: string) => [...text].length;

interface PostValues {
  body: string;
  mode: "named" | "anonymous";
  /** empty: the user's own name */
  displayName: string;
  /** null = not chosen: the server uses the user's own organisation (unless it is an external one); "" = none */
  organisationId: string | null;
  /** "" = no strategy */
  strategyNodeId: string;
}

function postBody(values: PostValues) {
  return {
    body: values.body.trim(),
    anonymous: values.mode === "anonymous",
    displayName: values.mode === "named" && values.displayName.trim() ? values.displayName.trim() : undefined,
    organisationId: values.organisationId === null ? undefined : values.organisationId || null,
    strategyNodeId: values.strategyNodeId || null,
  };
}

export function DeclarationPostForm({ planId, strategies }: { planId: string; strategies: { id: string; code: string; title: string }[] }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisationList();
  const form = useForm<PostValues>({
    initialValues: { body: "", mode: "named", displayName: "", organisationId: null, strategyNodeId: "" },
    validate: {
      body: (body) => {
        const n = charCount(body.trim());
        if (n === 0) return em.declarations.bodyRequired;
        return n > DECLARATION_MAX_CHARS ? em.declarations.bodyTooLong : null;
      },
    },
  });
  const save = useMutation({
    mutationFn: (values: PostValues) => call(postDeclaration, { query: { planId }, body: postBody(values) }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["vision", "engagement"] });
      flash.show(em.declarations.posted);
      form.setFieldValue("body", "");
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  const n = charCount(form.values.body.trim());
  const over = n > DECLARATION_MAX_CHARS;
  const orgOptions = (organisations.data?.items ?? []).filter((o) => o.kind !== "external").map((o) => ({ value: o.id, label: o.name }));
  const { organisationId } = form.values;
  const shownOrganisation = organisationId ?? (orgOptions.some((o) => o.value === user.organisationId) ? user.organisationId : "");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="declarations-post">
      <Title order={2} size="h3" id="declarations-post" mb="sm">
        {em.declarations.post}
      </Title>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <Textarea
            label={em.declarations.body}
            description={
              <span aria-live={over ? "polite" : "off"} style={over ? { color: "#9b1c1c", fontWeight: 700 } : undefined}>
                {over ? em.declarations.counterOver(n) : `${em.declarations.bodyHelp} ${em.declarations.counter(n)}`}
              </span>
            }
            autosize
            minRows={3}
            required
            {...form.getInputProps("body")}
          />
          <RadioFieldset
            legend={em.declarations.nameMode}
            name="declaration-name-mode"
            value={form.values.mode}
            options={[
              { value: "named", label: em.declarations.named },
              { value: "anonymous", label: em.declarations.anonymous },
            ]}
            onChange={(mode) => form.setFieldValue("mode", mode)}
          />
          {form.values.mode === "named" ? (
            <TextInput
              label={em.declarations.displayName}
              description={em.declarations.displayNameHelp}
              placeholder={user.displayName}
              maxLength={50}
              {...form.getInputProps("displayName")}
            />
          ) : null}
          <Group grow align="flex-start">
            <NativeSelect
              label={em.declarations.organisation}
              description={em.declarations.organisationHelp}
              data={[{ value: "", label: em.declarations.noOrganisation }, ...orgOptions]}
              {...form.getInputProps("organisationId")}
              value={shownOrganisation}
            />
            <NativeSelect
              label={em.declarations.strategy}
              data={[
                { value: "", label: em.declarations.noStrategy },
                ...strategies.map((s) => ({ value: s.id, label: `${s.code} ${s.title}` })),
              ]}
              {...form.getInputProps("strategyNodeId")}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {em.declarations.post}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
