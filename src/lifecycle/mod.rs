//! The lifecycle (CONTRACT §4): one transition table, read by the engine, the
//! documentation and `allowed_events`; who may perform each event; and what an
//! accepted event does to the record (`effects`).

mod effects;

pub use effects::{apply_effects, apply_effects_of_format};

use crate::model::{
    Actor, Attributes, DocumentKind, EventFacts, EventType, Milestone, Project, Role, State,
};
use EventType as E;
use Role as R;
use State as S;

/// Where an event may start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum From {
    States(&'static [State]),
    /// Any state but `terminated`.
    AnyNonTerminal,
    /// The construction states (approved … rectifying), for `suspend`.
    Construction,
}

/// Where an event leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum To {
    State(State),
    Unchanged,
    /// `reject_technical_review`: back to `demand_approved`, or `draft` for an emergency project (Art 17).
    TechnicalRejected,
    /// `resume`: the state before `suspend`.
    BeforeSuspension,
    /// `approve_change` / `reject_change`: the state `request_change` came from (Art 33).
    BeforeChange,
}

/// One row of the transition table.
#[derive(Clone, Copy, Debug)]
pub struct Transition {
    pub event: EventType,
    pub from: From,
    pub to: To,
    pub roles: &'static [Role],
}

const fn row(event: EventType, from: From, to: To, roles: &'static [Role]) -> Transition {
    Transition {
        event,
        from,
        to,
        roles,
    }
}

const CU: &[Role] = &[R::ConstructionUnit];
const BDC: &[Role] = &[R::BigDataCenter];
/// Who may order and confirm rectifications: the supervising departments, with the
/// audit bureau (Art 41 会同有关部门; Art 42).
const SUPERVISORS: &[Role] = &[
    R::BigDataCenter,
    R::Finance,
    R::Cyberspace,
    R::Cryptography,
    R::Audit,
];
/// Art 33: a change may be requested from 立项 up to final acceptance.
pub const CHANGEABLE: &[State] = &[
    S::Approved,
    S::Budgeted,
    S::Procuring,
    S::Awarded,
    S::Contracted,
    S::Implementing,
    S::PreliminaryAccepted,
];
const EXTENDABLE: &[State] = &[S::Implementing, S::PreliminaryAccepted];
/// 项目审批部门 (Art 41): the big-data centre, or for a project attached to a
/// construction project the administrative approval bureau that approved it (Art 4, 16).
const APPROVING: &[Role] = &[R::BigDataCenter, R::AdminApproval];
/// Final acceptance: the big-data centre, or the construction unit it delegated (Art 34).
const ACCEPTING: &[Role] = &[R::BigDataCenter, R::ConstructionUnit];

/// The transition table (CONTRACT §4). Conditions beyond state and role
/// (emergency, delegation, construction attachment) are in `guard`.
pub static TRANSITIONS: &[Transition] = &[
    row(
        E::SubmitDemand,
        From::States(&[S::Draft]),
        To::State(S::DemandReview),
        CU,
    ),
    row(
        E::PassDemandReview,
        From::States(&[S::DemandReview]),
        To::State(S::DemandApproved),
        BDC,
    ),
    row(
        E::RejectDemandReview,
        From::States(&[S::DemandReview]),
        To::State(S::Draft),
        BDC,
    ),
    row(
        E::SubmitTechnical,
        From::States(&[S::DemandApproved, S::Draft]),
        To::State(S::TechnicalReview),
        CU,
    ),
    row(
        E::PassTechnicalReview,
        From::States(&[S::TechnicalReview]),
        To::State(S::TechnicalApproved),
        BDC,
    ),
    row(
        E::RejectTechnicalReview,
        From::States(&[S::TechnicalReview]),
        To::TechnicalRejected,
        BDC,
    ),
    row(
        E::Approve,
        From::States(&[S::TechnicalApproved]),
        To::State(S::Approved),
        &[R::BigDataCenter, R::AdminApproval],
    ),
    row(
        E::FileHigherLevel,
        From::States(&[S::Draft]),
        To::State(S::Approved),
        CU,
    ),
    row(
        E::ApproveBudget,
        From::States(&[S::Approved]),
        To::State(S::Budgeted),
        &[R::Finance],
    ),
    row(
        E::FileResponsibilityLetter,
        From::States(&[S::Budgeted]),
        To::Unchanged,
        CU,
    ),
    row(
        E::StartProcurement,
        From::States(&[S::Budgeted]),
        To::State(S::Procuring),
        CU,
    ),
    row(
        E::AwardBid,
        From::States(&[S::Procuring]),
        To::State(S::Awarded),
        CU,
    ),
    row(
        E::SignContract,
        From::States(&[S::Awarded]),
        To::State(S::Contracted),
        CU,
    ),
    row(
        E::FileContract,
        From::States(&[S::Contracted]),
        To::Unchanged,
        CU,
    ),
    row(
        E::StartImplementation,
        From::States(&[S::Contracted]),
        To::State(S::Implementing),
        CU,
    ),
    row(
        E::RequestChange,
        From::States(CHANGEABLE),
        To::State(S::ChangeReview),
        CU,
    ),
    row(
        E::ApproveChange,
        From::States(&[S::ChangeReview]),
        To::BeforeChange,
        APPROVING,
    ),
    row(
        E::RejectChange,
        From::States(&[S::ChangeReview]),
        To::BeforeChange,
        APPROVING,
    ),
    row(
        E::ReportProgress,
        From::States(&[S::Implementing]),
        To::Unchanged,
        CU,
    ),
    row(
        E::RequestExtension,
        From::States(EXTENDABLE),
        To::Unchanged,
        CU,
    ),
    row(
        E::ApproveExtension,
        From::States(EXTENDABLE),
        To::Unchanged,
        BDC,
    ),
    row(
        E::RejectExtension,
        From::States(EXTENDABLE),
        To::Unchanged,
        BDC,
    ),
    row(
        E::PassPreliminaryAcceptance,
        From::States(&[S::Implementing]),
        To::State(S::PreliminaryAccepted),
        CU,
    ),
    row(
        E::ApplyFinalAcceptance,
        From::States(&[S::PreliminaryAccepted]),
        To::State(S::FinalAcceptance),
        CU,
    ),
    row(
        E::DelegateFinalAcceptance,
        From::States(&[S::PreliminaryAccepted, S::FinalAcceptance]),
        To::Unchanged,
        BDC,
    ),
    row(
        E::PassFinalAcceptance,
        From::States(&[S::FinalAcceptance]),
        To::State(S::Operating),
        ACCEPTING,
    ),
    row(
        E::FailFinalAcceptance,
        From::States(&[S::FinalAcceptance]),
        To::State(S::Rectifying),
        ACCEPTING,
    ),
    row(
        E::ResubmitFinalAcceptance,
        From::States(&[S::Rectifying]),
        To::State(S::FinalAcceptance),
        CU,
    ),
    row(
        E::SubmitSelfEvaluation,
        From::States(&[S::Operating]),
        To::Unchanged,
        CU,
    ),
    row(
        E::CommissionPostEvaluation,
        From::States(&[S::Operating]),
        To::Unchanged,
        BDC,
    ),
    row(
        E::CompletePostEvaluation,
        From::States(&[S::Operating]),
        To::Unchanged,
        &[R::ThirdParty],
    ),
    row(E::RecordAssessment, From::AnyNonTerminal, To::Unchanged, CU),
    row(
        E::RequestOmFunding,
        From::States(&[S::Operating]),
        To::Unchanged,
        CU,
    ),
    row(
        E::OrderRectification,
        From::AnyNonTerminal,
        To::Unchanged,
        SUPERVISORS,
    ),
    row(
        E::CompleteRectification,
        From::AnyNonTerminal,
        To::Unchanged,
        CU,
    ),
    row(
        E::ConfirmRectification,
        From::AnyNonTerminal,
        To::Unchanged,
        SUPERVISORS,
    ),
    row(
        E::NotifyCriticism,
        From::AnyNonTerminal,
        To::Unchanged,
        APPROVING,
    ),
    row(
        E::DeferInvestment,
        From::AnyNonTerminal,
        To::Unchanged,
        APPROVING,
    ),
    row(
        E::Suspend,
        From::Construction,
        To::State(S::Suspended),
        APPROVING,
    ),
    row(
        E::Resume,
        From::States(&[S::Suspended]),
        To::BeforeSuspension,
        APPROVING,
    ),
    row(
        E::Terminate,
        From::AnyNonTerminal,
        To::State(S::Terminated),
        APPROVING,
    ),
];

impl Transition {
    pub fn of(event: EventType) -> &'static Transition {
        TRANSITIONS
            .iter()
            .find(|t| t.event == event)
            .expect("every event has a row")
    }

    /// Whether the table (without guards) allows the event from `state`.
    pub fn starts_from(&self, state: State) -> bool {
        match self.from {
            From::States(states) => states.contains(&state),
            From::AnyNonTerminal => !state.is_terminal(),
            From::Construction => state.is_construction(),
        }
    }

    /// The state after the event, given the record before it.
    pub fn target(&self, project: &Project) -> State {
        match self.to {
            To::State(s) => s,
            To::Unchanged => project.state,
            To::TechnicalRejected if project.attrs.emergency => S::Draft,
            To::TechnicalRejected => S::DemandApproved,
            To::BeforeSuspension => project.kernel.resume_state.unwrap_or(S::Implementing),
            To::BeforeChange => project
                .kernel
                .pending_change
                .as_ref()
                .and_then(|c| c.from)
                .unwrap_or(S::Implementing),
        }
    }

    /// Human-readable "from" states, for messages and docs.
    pub fn from_names(&self) -> Vec<&'static str> {
        match self.from {
            From::States(states) => states.iter().map(|s| s.as_str()).collect(),
            From::AnyNonTerminal => State::ALL
                .iter()
                .filter(|s| !s.is_terminal())
                .map(|s| s.as_str())
                .collect(),
            From::Construction => State::ALL
                .iter()
                .filter(|s| s.is_construction())
                .map(|s| s.as_str())
                .collect(),
        }
    }
}

/// Why an event cannot be taken from the current state (before roles are considered).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateProblem {
    /// Not in the table from this state.
    NotFromState,
    /// `submit_technical` from `draft` is only for emergency projects (Art 17).
    NotEmergency,
    /// `file_higher_level` needs `higher_level` (Art 19) — reported by that rule.
    NotHigherLevel,
}

/// Whether `event` may start from the record's state, including its guards.
pub fn state_problem(project: &Project, event: EventType) -> Option<StateProblem> {
    let t = Transition::of(event);
    if !t.starts_from(project.state) {
        return Some(StateProblem::NotFromState);
    }
    match event {
        E::SubmitTechnical if project.state == S::Draft && !project.attrs.emergency => {
            Some(StateProblem::NotEmergency)
        }
        E::FileHigherLevel if project.attrs.higher_level.is_none() => {
            Some(StateProblem::NotHigherLevel)
        }
        _ => None,
    }
}

/// Whether `actor`'s role may perform `event` on `project`. `approve`'s authority is Art 16's rule.
pub fn role_permitted(event: &EventFacts, project: &Project) -> bool {
    role_may(event.kind, event.actor.role, project)
}

/// Whether `role` may perform `event` on `project`. The administrative approval
/// bureau approves (Art 16) and, as the approving department, decides changes
/// (Art 33) and sanctions (Art 41) only for projects attached to a construction
/// project (Art 4). The construction unit passes or fails final acceptance only
/// once the big-data centre has delegated it (Art 34).
pub fn role_may(event: EventType, role: Role, project: &Project) -> bool {
    let delegated = project
        .milestone(Milestone::FinalAcceptanceDelegated)
        .is_some();
    Transition::of(event).roles.contains(&role)
        && (role != R::AdminApproval || project.attrs.attached_to_construction)
        && match event {
            E::PassFinalAcceptance | E::FailFinalAcceptance => {
                role != R::ConstructionUnit || delegated
            }
            _ => true,
        }
}

/// A construction unit acts only for its own project (or the lead department's, Art 15).
pub fn unit_matches(attrs: &Attributes, actor: &Actor) -> bool {
    actor.role != R::ConstructionUnit || actor.unit.as_deref() == Some(attrs.acting_unit())
}

/// The events that may come next, for `actor` if given (state, guards, role and unit).
pub fn allowed_events(project: &Project, actor: Option<&Actor>) -> Vec<EventType> {
    TRANSITIONS
        .iter()
        .filter(|t| state_problem(project, t.event).is_none())
        .filter(|t| match actor {
            None => true,
            Some(a) => role_may(t.event, a.role, project) && unit_matches(&project.attrs, a),
        })
        .map(|t| t.event)
        .collect()
}

/// The documents an event may carry (CONTRACT §4's "main rules"): what a form for
/// the event offers to attach. The rules decide which of them a project needs.
pub fn documents_of(event: EventType) -> &'static [DocumentKind] {
    use DocumentKind as D;
    match event {
        E::SubmitDemand => &[D::PartyCommitteeDecision, D::OverallPlan],
        E::PassDemandReview
        | E::RejectDemandReview
        | E::PassTechnicalReview
        | E::RejectTechnicalReview => &[D::ReviewOpinion],
        // The emergency route also brings what demand review judges (Art 17).
        E::SubmitTechnical => &[
            D::ConstructionPlan,
            D::CryptoPlan,
            D::FeasibilityStudy,
            D::SecureReliableStatement,
            D::SecurityResponsibilityStatement,
            D::DataSharingPlan,
            D::MunicipalDecision,
            D::PartyCommitteeDecision,
            D::OverallPlan,
        ],
        E::ApproveChange => &[D::FeasibilityStudy],
        E::FileResponsibilityLetter | E::StartProcurement => &[D::ResponsibilityLetter],
        E::PassPreliminaryAcceptance | E::ApplyFinalAcceptance => {
            &[D::MlpsFiling, D::CryptoAssessment]
        }
        E::PassFinalAcceptance => &[D::AcceptanceOpinion, D::MlpsFiling, D::CryptoAssessment],
        E::ResubmitFinalAcceptance => &[D::RectificationPlan],
        E::SubmitSelfEvaluation => &[D::SelfEvaluationReport],
        E::RecordAssessment => &[D::CryptoAssessment, D::RiskAssessment, D::MlpsFiling],
        _ => &[],
    }
}
