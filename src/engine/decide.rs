//! The one decision: what the rules find about an event on a record, and what
//! the record becomes. `apply`, `preview` and `check` all use it.

use super::Engine;
use crate::history;
use crate::lifecycle::{self, Transition};
use crate::model::decl::document;
use crate::model::*;
use crate::rules::{self, Ctx, Rule, Since, Stage};

document! {
    /// Options of `check` (CONTRACT §3).
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct CheckOptions {
        /// The day to judge deadlines by (overdue obligations are those due before it).
        as_of: Option<Date> = None, Omit, "检查日期" / "as of";
        /// Whose next steps: `allowed_events` lists only what this actor may do.
        actor: Option<Actor> = None, Omit, "办理部门" / "actor";
    }
}

impl Engine {
    /// What `apply` decides about `event` on `project`: its findings, and the state
    /// it leads to if no finding is `block`.
    pub fn decide(&self, project: &Project, event: &EventFacts) -> Decision {
        self.decide_keeping_digest(project, event).0
    }

    /// `decide`, with the attributes' digest if the rules computed it, for `accept`.
    pub(super) fn decide_keeping_digest(
        &self,
        project: &Project,
        event: &EventFacts,
    ) -> (Decision, Option<String>) {
        let ctx = Ctx::for_event(&self.settings, project, event);
        // Art 47: before 2024-07-01 only the rules that judge every event run.
        let in_force = event.date >= rules::in_force_from();
        let runs =
            |r: &Rule| r.applies_to_event(event.kind) && (in_force || r.since == Since::Always);
        let mut findings = self.evaluate(&ctx, Stage::Gate, runs);
        if !findings.iter().any(Finding::is_blocking) {
            findings.extend(self.evaluate(&ctx, Stage::Content, runs));
        }
        findings.extend(self.evaluate(&ctx, Stage::Notes, runs));
        let accepted = !findings.iter().any(Finding::is_blocking);
        let decision = Decision {
            accepted,
            state_before: project.state,
            state_after: if accepted {
                Transition::of(event.kind).target(project)
            } else {
                project.state
            },
            findings,
        };
        (decision, ctx.current_digest())
    }

    /// Judges `event` on `project`: the decision, and the new record when accepted.
    pub fn apply(&self, project: &Project, event: &Event) -> (Decision, Option<Project>) {
        let (decision, digest) = self.decide_keeping_digest(project, event);
        let next = decision
            .accepted
            .then(|| accept(project.clone(), event, &decision, digest));
        (decision, next)
    }

    /// What the project breaches and what is due, as of `options.as_of`.
    pub fn check(&self, project: &Project, options: &CheckOptions) -> CheckResult {
        let ctx = Ctx::for_check(&self.settings, project, options.as_of);
        let runs = |r: &Rule| r.check;
        let mut findings = self.evaluate(&ctx, Stage::Gate, runs);
        findings.extend(self.evaluate(&ctx, Stage::Content, runs));
        let mut deadlines: Vec<Deadline> = rules::catalogue()
            .iter()
            .filter_map(|r| r.deadlines.map(|f| (r, f)))
            .flat_map(|(r, f)| {
                f(&ctx).into_iter().map(move |d| Deadline {
                    rule: r.id,
                    event: d.event,
                    due: d.date,
                })
            })
            .collect();
        deadlines.sort_by(|a, b| (a.due, a.rule).cmp(&(b.due, b.rule)));
        // After the deadlines, which may have met an unknown calendar year.
        findings.extend(self.evaluate(&ctx, Stage::Notes, runs));
        let in_scope = !project.attrs.classified && !project.attrs.funding.is_empty();
        let allowed_events = if in_scope {
            lifecycle::allowed_events(project, options.actor.as_ref())
        } else {
            Vec::new()
        };
        CheckResult {
            project_id: project.attrs.id.clone(),
            state: project.state,
            in_scope,
            findings,
            deadlines,
            allowed_events,
            next_steps: options
                .actor
                .as_ref()
                .filter(|_| in_scope)
                .map(|actor| self.next_steps(project, actor, options.as_of)),
        }
    }

    /// The findings of the rules of `stage` that `runs` selects, in catalogue
    /// order, without those superseded by another rule's finding.
    fn evaluate(&self, ctx: &Ctx, stage: Stage, runs: impl Fn(&Rule) -> bool) -> Vec<Finding> {
        let fired: Vec<(&Rule, Finding)> = rules::catalogue()
            .iter()
            .filter(|r| r.stage == stage && runs(r))
            .flat_map(|r| {
                (r.eval)(ctx)
                    .into_iter()
                    .map(move |hit| (*r, r.finding(hit, self.settings.locale)))
            })
            .collect();
        let superseded: Vec<&str> = fired
            .iter()
            .flat_map(|(r, _)| r.supersedes.iter().copied())
            .collect();
        fired
            .into_iter()
            .filter(|(r, _)| !superseded.contains(&r.id))
            .map(|(_, f)| f)
            .collect()
    }
}

/// The record after an accepted event: its effects and the history entry that binds it.
pub(super) fn accept(
    project: Project,
    event: &Event,
    decision: &Decision,
    digest: Option<String>,
) -> Project {
    let ids = decision.findings.iter().map(|f| f.rule).collect();
    history::accept(project, event, ids, digest)
}
