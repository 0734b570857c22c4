// The 国際 screens' staff picker: the shared combobox (ui/SearchCombobox) asking GET /api/international/staff, which
// answers the city's active staff by a fragment of the name or login id (optionally within one division). Used for a
// trip's travellers and a working-group action's owner.
import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import { lookupStaff, type StaffMember } from "../../../common/api/international-staff";
import { call } from "../../api/client";
import { SearchCombobox } from "../../ui/SearchCombobox";
import { sm } from "./staffMessages";

interface StaffPickerProps {
  id?: string;
  label: string;
  description?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  maxLength?: number;
  error?: ReactNode;
  /** the text in the field (a traveller's name as stored) */
  value: string;
  onChange: (text: string) => void;
  onSelect: (member: StaffMember) => void;
  /** the field names a member of staff (shows the 「職員」 mark) */
  linked: boolean;
  /** only this division's staff; then the list opens with nothing typed */
  organisationId?: string;
  /** people already chosen elsewhere in the form */
  excludeIds?: readonly string[];
}

export function StaffPicker({ organisationId, excludeIds, linked, ...props }: StaffPickerProps) {
  return (
    <SearchCombobox<StaffMember>
      {...props}
      inputWrapperOrder={["label", "input", "description", "error"]}
      queryKey={(q) => ["international", "staff", organisationId ?? "", q] as const}
      search={async (q) => (await call(lookupStaff, { query: { q, organisationId } })).items}
      itemKey={(s) => s.id}
      itemLabel={(s) => s.displayName}
      itemDetail={(s) => s.organisationName}
      exclude={excludeIds && excludeIds.length > 0 ? (s) => excludeIds.includes(s.id) : undefined}
      minChars={organisationId ? 0 : 1}
      texts={sm.picker}
      rightSection={
        linked ? (
          <Badge size="sm" variant="light" title={sm.picker.linkedTitle} mr={6}>
            {sm.picker.linked}
          </Badge>
        ) : null
      }
    />
  );
}
