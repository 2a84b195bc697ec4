//! What an accepted event does to the record. Replay (`history`) runs the same
//! function, so a record and its history cannot disagree about what happened.

use super::Transition;
use crate::model::*;

/// Applies an accepted `event` to `project` (state and kernel-maintained fields).
/// Returns whether the declared attributes changed (an approved change, Art 33).
pub fn apply_effects(project: &mut Project, event: &EventFacts) -> bool {
    apply_effects_of_format(project, event, FORMAT)
}

/// [`apply_effects`] as the history entry's `format` wrote it: replaying a 0.1
/// record (format 1) gives the record 0.1 made.
pub fn apply_effects_of_format(project: &mut Project, event: &EventFacts, format: u32) -> bool {
    let mut attributes_changed = false;
    let next = Transition::of(event.kind).target(project);
    let date = event.date;
    let data = &event.data;
    let k = &mut project.kernel;

    for doc in event.filed_documents() {
        // A document once filed stays on file, with its first filing date.
        k.documents.entry(doc).or_insert(date);
    }
    // A milestone keeps the date it was first reached.
    fn mark(k: &mut KernelFields, m: Milestone, d: Date) {
        k.milestones.entry(m).or_insert(d);
    }

    match event.kind {
        EventType::SubmitDemand => mark(k, Milestone::DemandSubmitted, date),
        EventType::SubmitTechnical => mark(k, Milestone::TechnicalSubmitted, date),
        EventType::Approve | EventType::FileHigherLevel => {
            mark(k, Milestone::Approved, date);
            k.baseline = Some(project.attrs.baseline_values());
        }
        EventType::ApproveBudget => mark(k, Milestone::BudgetApproved, date),
        EventType::StartProcurement => {
            mark(k, Milestone::ProcurementStarted, date);
            k.contract.get_or_insert_with(ContractInfo::default).method = data.method;
        }
        EventType::AwardBid => {
            mark(k, Milestone::AwardNotice, data.notice_date.unwrap_or(date));
            k.contract
                .get_or_insert_with(ContractInfo::default)
                .supplier = data.supplier.clone();
        }
        EventType::SignContract => {
            mark(k, Milestone::ContractSigned, date);
            let c = k.contract.get_or_insert_with(ContractInfo::default);
            c.implementation_months = data.implementation_months.map(|m| m.0);
            c.warranty_months = data.warranty_months.map(|m| m.0);
        }
        EventType::FileContract => mark(k, Milestone::ContractFiled, date),
        EventType::StartImplementation => {
            mark(k, Milestone::ImplementationStarted, date);
            let c = k.contract.get_or_insert_with(ContractInfo::default);
            c.implementing_agency = data.implementing_agency.clone();
            c.responsible_person = data.responsible_person.clone();
        }
        EventType::RequestChange => {
            let proposed = data.proposed.clone().unwrap_or_default();
            let base = k.baseline.clone().unwrap_or_default();
            let mut aspects = data.aspects.to_vec();
            for a in base.differences(&base.overlaid(&proposed)) {
                if !aspects.contains(&a) {
                    aspects.push(a);
                }
            }
            aspects.sort();
            k.pending_change = Some(PendingChange {
                requested: date,
                aspects,
                proposed,
                from: Some(project.state),
            });
        }
        EventType::ApproveChange => {
            // Art 33: the approved change becomes the new baseline and the project's attributes.
            if let Some(change) = k.pending_change.take() {
                let new_base = k
                    .baseline
                    .clone()
                    .unwrap_or_default()
                    .overlaid(&change.proposed);
                project.attrs = project.attrs.with_change(&new_base);
                k.baseline = Some(new_base);
                attributes_changed = true;
            }
        }
        EventType::RejectChange => k.pending_change = None,
        EventType::ReportProgress => {
            k.progress_reports.push(date);
            if data.spent_yuan.is_some() {
                k.spent_yuan = data.spent_yuan;
            }
        }
        EventType::RequestExtension => {
            k.requested_extension = data.new_deadline;
            k.extension_requested_on = Some(date);
        }
        EventType::ApproveExtension => {
            k.approved_extension = data.new_deadline;
            k.requested_extension = None;
            k.extension_requested_on = None;
        }
        EventType::RejectExtension => {
            k.requested_extension = None;
            k.extension_requested_on = None;
        }
        EventType::DelegateFinalAcceptance => mark(k, Milestone::FinalAcceptanceDelegated, date),
        EventType::PassPreliminaryAcceptance => mark(k, Milestone::PreliminaryAccepted, date),
        EventType::ApplyFinalAcceptance => mark(k, Milestone::FinalAcceptanceApplied, date),
        EventType::PassFinalAcceptance => {
            mark(k, Milestone::FinalAccepted, date);
            k.actual_cost_yuan = data.actual_cost_yuan;
            k.acceptance_rectification_deadline = None;
        }
        EventType::FailFinalAcceptance => {
            k.acceptance_rectification_deadline = data.rectification_deadline
        }
        EventType::ResubmitFinalAcceptance => k.acceptance_rectification_deadline = None,
        EventType::SubmitSelfEvaluation => {
            if let Some(Whole(year)) = data.year {
                k.self_evaluations.entry(year).or_insert(date);
            }
        }
        EventType::CommissionPostEvaluation => {
            k.post_evaluator = data.evaluator.clone();
            k.post_evaluation = None;
        }
        EventType::CompletePostEvaluation => k.post_evaluation = data.result,
        EventType::RecordAssessment => {
            if let Some(kind) = data.kind {
                let last = k.assessments.entry(kind).or_insert(date);
                *last = (*last).max(date);
            }
        }
        EventType::OrderRectification => {
            if let (Some(order_id), Some(deadline)) = (data.order_id.clone(), data.deadline) {
                k.rectification_orders.retain(|o| o.order_id != order_id);
                k.rectification_orders.push(RectificationOrder {
                    order_id,
                    issued_by: event.actor.role,
                    issued: date,
                    issues: data.issues.to_vec(),
                    deadline,
                    completed: None,
                    compliant: None,
                    confirmed: None,
                });
            }
        }
        EventType::CompleteRectification => {
            if let Some(order) = k
                .rectification_orders
                .iter_mut()
                .find(|o| Some(&o.order_id) == data.order_id.as_ref())
            {
                order.completed = Some(date);
                if format == 1 {
                    // 0.1 let the construction unit declare compliance.
                    order.compliant = Some(data.compliant.unwrap_or(true));
                } else {
                    // Art 41: a report of completion awaits the ordering department's judgement.
                    order.confirmed = None;
                }
            }
        }
        EventType::ConfirmRectification => {
            if let Some(order) = k
                .rectification_orders
                .iter_mut()
                .find(|o| Some(&o.order_id) == data.order_id.as_ref())
            {
                order.compliant = data.compliant;
                order.confirmed = Some(date);
                if data.compliant == Some(false) {
                    // 整改后仍不符合要求: the order stands again, under its own deadline.
                    order.completed = None;
                }
            }
        }
        EventType::NotifyCriticism => k.sanctions.push(Sanction {
            kind: SanctionKind::Criticism,
            date,
        }),
        EventType::DeferInvestment => k.sanctions.push(Sanction {
            kind: SanctionKind::DeferredInvestment,
            date,
        }),
        EventType::Suspend => {
            k.resume_state = Some(project.state);
            k.sanctions.push(Sanction {
                kind: SanctionKind::Suspension,
                date,
            });
        }
        EventType::Resume => k.resume_state = None,
        EventType::Terminate => {
            // Terminated is final (Art 41): there is no state to resume.
            k.resume_state = None;
            mark(k, Milestone::Terminated, date);
            k.sanctions.push(Sanction {
                kind: SanctionKind::Termination,
                date,
            });
        }
        EventType::PassDemandReview
        | EventType::RejectDemandReview
        | EventType::PassTechnicalReview
        | EventType::RejectTechnicalReview
        | EventType::FileResponsibilityLetter
        | EventType::RequestOmFunding => {}
    }
    project.state = next;
    attributes_changed
}
