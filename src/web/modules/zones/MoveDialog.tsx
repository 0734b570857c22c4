// 「次の手続へ」: the dialog that records a proposal's next step. It offers only the moves the server allows now
// (nextMoves: a request waiting for its answer is never jumped past), asks for the answer's kind where the step is a
// 回答, a date (defaults to today, typed as 和暦 or 西暦), a note, and a reason where the move skips steps.
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type MoveProposalInput, moveProposal, type NextMove, type ProposalDetail } from "../../../common/api/zones";
import { todayInJapan } from "../../../common/dates";
import { ANSWER_KIND_LABELS, ANSWER_KINDS, type AnswerKind, type ProposalState } from "../../../common/zones/proposal-states";
import { call } from "../../api/client";
import { m } from "../../messages";
import { warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors, isConflict } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { zm } from "./messages";
import { stepDate } from "./proposal-form-values";
import { proposalChanged, zonesKeys } from "./queries";

const t = zm.move;

interface MoveValues {
  to: ProposalState | "";
  answer: AnswerKind | "";
  date: string;
  note: string;
  reason: string;
}

/** The move's label in the choice: 「第2回検討要請（再検討要請）」, and a note when it skips steps. */
function optionLabel(move: NextMove): string {
  return move.needsReason ? `${move.label}${t.needsReason}` : move.label;
}

export function MoveDialog({ proposal, onClose }: { proposal: ProposalDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const moves = proposal.nextMoves;
  const [values, setValues] = useState<MoveValues>({
    to: moves.find((move) => !move.needsReason)?.to ?? "",
    answer: "",
    date: warekiOf(todayInJapan()),
    note: "",
    reason: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const chosen = moves.find((move) => move.to === values.to);
  const set = <K extends keyof MoveValues>(key: K, value: MoveValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const save = useMutation({
    mutationFn: (body: MoveProposalInput) => call(moveProposal, { params: { id: proposal.id }, body }),
    onSuccess: async (saved) => {
      const last = saved.steps[saved.steps.length - 1];
      flash.show(t.done(last?.label ?? saved.stateLabel));
      await proposalChanged(queryClient, saved);
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: zonesKeys.proposal(proposal.id) });
      setErrors(fieldErrors(error));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!chosen) found.to = t.chooseTo;
    if (chosen?.needsAnswer && !values.answer) found.answer = t.answerRequired;
    if (chosen?.needsReason && !values.reason.trim()) found.reason = t.reasonRequired;
    const date = stepDate(values.date);
    if (!date.ok) found.date = date.message;
    setErrors(found);
    if (Object.keys(found).length > 0 || !chosen || !date.ok) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>("[data-zones-move] [aria-invalid='true']")?.focus());
      return;
    }
    save.mutate({
      version: proposal.version,
      to: chosen.to,
      date: date.iso,
      answer: chosen.needsAnswer ? (values.answer as AnswerKind) : null,
      reason: chosen.needsReason ? values.reason.trim() : null,
      note: values.note.trim(),
    });
  }

  return (
    <Modal opened onClose={onClose} title={t.title(proposal.stateLabel)} size="lg" centered>
      <form onSubmit={submit} noValidate data-zones-move>
        <Stack>
          <ErrorAlert error={save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null} conflictMessage={t.conflict} />
          {moves.length === 0 ? (
            <Text>{t.none}</Text>
          ) : (
            <>
              <RadioFieldset
                legend={t.to}
                name="zones-move-to"
                description={t.toHelp}
                value={values.to}
                options={moves.map((move) => ({ value: move.to, label: optionLabel(move) }))}
                onChange={(to) => {
                  set("to", to);
                  setErrors({});
                }}
                error={errors.to}
              />
              {chosen?.needsAnswer && (
                <RadioFieldset
                  legend={t.answer}
                  name="zones-move-answer"
                  value={values.answer}
                  options={ANSWER_KINDS.map((kind) => ({ value: kind, label: ANSWER_KIND_LABELS[kind] }))}
                  onChange={(answer) => set("answer", answer)}
                  error={errors.answer}
                />
              )}
              <JapaneseDateInput
                label={t.date}
                required
                value={values.date}
                onChange={(text) => set("date", text)}
                error={errors.date}
                description={t.dateHelp}
              />
              {chosen?.needsReason && (
                <Textarea
                  label={t.reason}
                  description={t.reasonHelp}
                  required
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={values.reason}
                  onChange={(e) => set("reason", e.currentTarget.value)}
                  error={errors.reason}
                />
              )}
              <Textarea
                label={t.note}
                autosize
                minRows={2}
                maxLength={2000}
                value={values.note}
                onChange={(e) => set("note", e.currentTarget.value)}
                error={errors.note}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {m.common.cancel}
            </Button>
            {moves.length > 0 && (
              <Button type="submit" loading={save.isPending}>
                {t.submit}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
