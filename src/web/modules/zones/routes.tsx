// Zones: the module's routes (staff) — /zones (the pipeline), /zones/proposals (the list), /zones/proposals/new,
// /zones/proposals/$id and its /edit. Every page is a lazy chunk; the lists keep their conditions in the URL.
import { type AnyRoute, createRoute, lazyRouteComponent, useParams, useSearch } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";
import { type ProposalSearch, pipelineSearch, proposalSearch } from "./queries";

const PipelinePage = lazyRouteComponent(() => import("./PipelinePage"), "PipelinePage");
const ProposalsPage = lazyRouteComponent(() => import("./ProposalsPage"), "ProposalsPage");
const ProposalPage = lazyRouteComponent(() => import("./ProposalPage"), "ProposalPage");
const ProposalFormPage = lazyRouteComponent(() => import("./ProposalFormPage"), "ProposalFormPage");

const PipelineRoute = withPage(PipelinePage, function PipelineRoute() {
  const search = useSearch({ strict: false }) as ReturnType<typeof pipelineSearch>;
  return <PipelinePage field={search.field} />;
});
const ProposalsRoute = withPage(ProposalsPage, function ProposalsRoute() {
  const search = useSearch({ strict: false }) as ProposalSearch;
  return <ProposalsPage search={search} />;
});
const ProposalRoute = withPage(ProposalPage, function ProposalRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <ProposalPage key={id} id={id} />;
});
const NewProposalRoute = withPage(ProposalFormPage, function NewProposalRoute() {
  return <ProposalFormPage />;
});
const EditProposalRoute = withPage(ProposalFormPage, function EditProposalRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <ProposalFormPage key={id} id={id} />;
});

export function zonesRoutes(layouts: Layouts): { staff: AnyRoute[] } {
  const staff = layouts.staff;
  return {
    staff: [
      createRoute({ getParentRoute: () => staff, path: "zones", validateSearch: pipelineSearch, component: PipelineRoute }),
      createRoute({ getParentRoute: () => staff, path: "zones/proposals", validateSearch: proposalSearch, component: ProposalsRoute }),
      createRoute({ getParentRoute: () => staff, path: "zones/proposals/new", component: NewProposalRoute }),
      createRoute({ getParentRoute: () => staff, path: "zones/proposals/$id", component: ProposalRoute }),
      createRoute({ getParentRoute: () => staff, path: "zones/proposals/$id/edit", component: EditProposalRoute }),
    ],
  };
}
