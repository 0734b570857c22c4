// The サンプル mark beside a record of the sample data (is_sample), the same in every module.
import { Badge } from "@mantine/core";
import { m } from "../messages";

export function SampleBadge() {
  return (
    <Badge size="xs" variant="outline" color="gray" styles={{ root: { color: "#495057", textTransform: "none" } }}>
      {m.common.sample}
    </Badge>
  );
}
