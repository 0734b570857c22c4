// The dialogs of a round's review (RoundReview): a comment on an item of the report (a member's own, or one a manager
// records on a member's behalf) and the city's response to a comment.
import { NativeSelect, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CouncilComment, CouncilMeeting, CouncilMember, ReportNode } from "../../../common/api/vision-engagement";
import { addCouncilComment, respondCouncilComment } from "../../../common/api/vision-engagement";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { zodResolver } from "../../ui/zodForm";
import { bodyOf } from "./components";
import { DialogActions } from "./DialogActions";
import { em } from "./engagementMessages";
import { engagementKeys } from "./engagementQueries";

interface CommentValues {
  body: string;
  /** the member who said it (a manager writing on a member's behalf) */
  memberId: string;
  /** "" = said outside a meeting */
  meetingId: string;
}

export function CommentForm({
  roundId,
  node,
  onBehalf,
  members,
  meetings,
  onDone,
}: {
  roundId: string;
  node: ReportNode;
  onBehalf: boolean;
  members: CouncilMember[];
  meetings: CouncilMeeting[];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const roundMeetings = meetings.filter((m) => m.roundId === roundId);
  const commentBody = (values: CommentValues) => ({
    nodeId: node.id,
    body: values.body.trim(),
    meetingId: values.meetingId || null,
    ...(onBehalf ? { memberId: values.memberId } : {}),
  });
  const form = useForm<CommentValues>({
    initialValues: { body: "", memberId: members[0]?.id ?? "", meetingId: roundMeetings[0]?.id ?? "" },
    validate: (values) => zodResolver(bodyOf(addCouncilComment))(commentBody(values)),
  });
  const save = useMutation({
    mutationFn: (values: CommentValues) => call(addCouncilComment, { params: { id: roundId }, body: commentBody(values) }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: engagementKeys.comments(roundId) });
      queryClient.invalidateQueries({ queryKey: engagementKeys.report(roundId) });
      flash.show(em.review.commentPosted);
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        {onBehalf ? (
          <NativeSelect
            label={em.review.commentMember}
            data={members.map((m) => ({ value: m.id, label: m.name }))}
            required
            {...form.getInputProps("memberId")}
          />
        ) : null}
        {roundMeetings.length > 0 ? (
          <NativeSelect
            label={em.review.commentMeeting}
            data={[{ value: "", label: em.review.noMeeting }, ...roundMeetings.map((m) => ({ value: m.id, label: m.title }))]}
            {...form.getInputProps("meetingId")}
          />
        ) : null}
        <Textarea label={em.review.body} autosize minRows={5} maxLength={4000} required data-autofocus {...form.getInputProps("body")} />
        <DialogActions
          onCancel={onDone}
          saving={save.isPending}
          submitLabel={em.review.addComment}
          disabled={form.values.body.trim() === ""}
        />
      </Stack>
    </form>
  );
}

export function ResponseForm({ roundId, comment, onDone }: { roundId: string; comment: CouncilComment; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const form = useForm({
    initialValues: { response: comment.response ?? "" },
    validate: zodResolver(bodyOf(respondCouncilComment)),
  });
  const save = useMutation({
    mutationFn: (body: { response: string }) => call(respondCouncilComment, { params: { id: comment.id }, body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: engagementKeys.comments(roundId) });
      queryClient.invalidateQueries({ queryKey: ["vision", "engagement", "council"] });
      flash.show(em.review.responded);
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm" fw={600}>
            {comment.memberName}（{comment.nodeCode} {comment.nodeTitle}）
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {comment.body}
          </Text>
        </Paper>
        <ErrorAlert error={save.error} />
        <Textarea
          label={em.review.response}
          description={em.review.respondHelp}
          autosize
          minRows={5}
          maxLength={4000}
          data-autofocus
          {...form.getInputProps("response")}
        />
        <DialogActions onCancel={onDone} saving={save.isPending} submitLabel={em.save} />
      </Stack>
    </form>
  );
}
