//! The election's lifecycle: an explicit state machine, where SecurePoll derived its state
//! from dates alone.
//!
//! ```text
//! Draft ──mark_ready──▶ Ready ──open──▶ Open ──close──▶ Closed ──record_count──▶ Counted
//!   ▲                     │                                                         │
//!   └───return_to_draft───┘                                                      publish
//! Draft ──archive──▶ Archived ◀──archive── Published ◀───────────────────────────────┘
//!                              Open ──pause──▶ Paused ──resume──▶ Open
//!                                              Paused ──close───▶ Closed
//! ```
//! `Paused` is voting interrupted by hand (an incident being looked into): ballots are refused
//! with a message saying so, the safe operations go on, and the scheduler leaves the election
//! alone even when its end passes, since closing cannot be undone: the administrators either
//! move the end later and resume, or close it (resuming after the end is refused).
//! Nothing goes back from `Open`: a mistake in a running election is fixed with the safe
//! operations (extend the end, withdraw a candidate, strike a ballot, add voters, fix a typo),
//! never by editing questions under voters' feet. [`State::allows`] says which operation is
//! allowed in which state.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Being set up; everything may change.
    #[default]
    Draft,
    /// Checked and waiting for its start.
    Ready,
    /// Accepting ballots (within the window).
    Open,
    /// Voting interrupted by hand; resumed or closed by hand, never by the scheduler.
    Paused,
    /// No more ballots; strikes still possible until the count.
    Closed,
    /// Counted; results not yet public.
    Counted,
    /// Results public.
    Published,
    /// Kept for the record; read-only.
    Archived,
}

/// A lifecycle transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    MarkReady,
    ReturnToDraft,
    Open,
    Close,
    RecordCount,
    Publish,
    Archive,
    Pause,
    Resume,
}

impl Action {
    pub const ALL: [Action; 9] = [
        Action::MarkReady,
        Action::ReturnToDraft,
        Action::Open,
        Action::Close,
        Action::RecordCount,
        Action::Publish,
        Action::Archive,
        Action::Pause,
        Action::Resume,
    ];
}

/// Something done to an election other than a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    /// Change questions, candidates, the window, the title or the settings.
    EditDefinition,
    /// Replace the voter list.
    ReplaceVoters,
    /// Add voters to the list.
    AddVoters,
    /// Move the end later, or earlier (never before now).
    ExtendEnd,
    /// Give a candidate's place on the ballot to someone else (ballots cast before are struck).
    SwapCandidate,
    /// Withdraw a candidate (ballots naming them stay; the count skips them).
    WithdrawCandidate,
    /// Strike or unstrike a voter's ballot.
    Strike,
    /// Correct a text (title, description, candidate name) or add a translation.
    FixText,
    /// Cast a ballot.
    Vote,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LifecycleError {
    #[error(
        "cannot {action} an election that is {state}; from {state} the election can: {allowed}"
    )]
    Transition {
        state: State,
        action: Action,
        allowed: String,
    },
    #[error("cannot {operation} while the election is {state}")]
    Operation { state: State, operation: Operation },
}

impl State {
    pub const ALL: [State; 8] = [
        State::Draft,
        State::Ready,
        State::Open,
        State::Paused,
        State::Closed,
        State::Counted,
        State::Published,
        State::Archived,
    ];

    /// The state after `action`, or why it is not allowed.
    pub fn transition(self, action: Action) -> Result<State, LifecycleError> {
        self.next(action).ok_or_else(|| LifecycleError::Transition {
            state: self,
            action,
            allowed: self.describe_allowed(),
        })
    }

    /// The one transition table.
    fn next(self, action: Action) -> Option<State> {
        use Action as A;
        use State as S;
        Some(match (self, action) {
            (S::Draft, A::MarkReady) => S::Ready,
            (S::Ready, A::ReturnToDraft) => S::Draft,
            (S::Ready, A::Open) => S::Open,
            (S::Open | S::Paused, A::Close) => S::Closed,
            (S::Open, A::Pause) => S::Paused,
            (S::Paused, A::Resume) => S::Open,
            (S::Closed, A::RecordCount) => S::Counted,
            (S::Counted, A::Publish) => S::Published,
            (S::Draft | S::Published, A::Archive) => S::Archived,
            _ => return None,
        })
    }

    /// The actions allowed from this state.
    pub fn allowed_actions(self) -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|&a| self.next(a).is_some())
            .collect()
    }

    fn describe_allowed(self) -> String {
        let allowed = self.allowed_actions();
        if allowed.is_empty() {
            "nothing (it is final)".to_owned()
        } else {
            allowed
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    /// Whether questions (and the rest of the definition) may change: in `Draft` only.
    pub fn can_edit_questions(self) -> bool {
        self.allows(Operation::EditDefinition)
    }

    /// Whether ballots are accepted (the window must be open too).
    pub fn accepts_ballots(self) -> bool {
        self.allows(Operation::Vote)
    }

    /// Which operations each state allows.
    pub fn allows(self, op: Operation) -> bool {
        use Operation as O;
        use State as S;
        match op {
            O::EditDefinition | O::ReplaceVoters => self == S::Draft,
            O::AddVoters | O::ExtendEnd | O::WithdrawCandidate => {
                matches!(self, S::Draft | S::Ready | S::Open | S::Paused)
            }
            // A draft is simply edited.
            O::SwapCandidate => matches!(self, S::Ready | S::Open | S::Paused),
            // Until the ballots are frozen for the count.
            O::Strike => matches!(self, S::Open | S::Paused | S::Closed),
            // Names go into the count's report, so not after it.
            O::FixText => matches!(self, S::Draft | S::Ready | S::Open | S::Paused | S::Closed),
            O::Vote => self == S::Open,
        }
    }

    pub fn ensure_allows(self, operation: Operation) -> Result<(), LifecycleError> {
        if self.allows(operation) {
            Ok(())
        } else {
            Err(LifecycleError::Operation {
                state: self,
                operation,
            })
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Ready => "ready",
            State::Open => "open",
            State::Paused => "paused",
            State::Closed => "closed",
            State::Counted => "counted",
            State::Published => "published",
            State::Archived => "archived",
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Action::MarkReady => "mark ready",
            Action::ReturnToDraft => "return to draft",
            Action::Open => "open",
            Action::Close => "close",
            Action::RecordCount => "record the count of",
            Action::Publish => "publish",
            Action::Archive => "archive",
            Action::Pause => "pause",
            Action::Resume => "resume",
        })
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Operation::EditDefinition => "edit questions, candidates or dates",
            Operation::ReplaceVoters => "replace the voter list",
            Operation::AddVoters => "add voters",
            Operation::ExtendEnd => "move the end",
            Operation::SwapCandidate => "swap a candidate",
            Operation::WithdrawCandidate => "withdraw a candidate",
            Operation::Strike => "strike a ballot",
            Operation::FixText => "fix a text",
            Operation::Vote => "vote",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_happy_path() {
        let mut s = State::Draft;
        for (action, expected) in [
            (Action::MarkReady, State::Ready),
            (Action::Open, State::Open),
            (Action::Close, State::Closed),
            (Action::RecordCount, State::Counted),
            (Action::Publish, State::Published),
            (Action::Archive, State::Archived),
        ] {
            s = s.transition(action).unwrap();
            assert_eq!(s, expected);
        }
    }

    #[test]
    fn exactly_the_drawn_transitions_exist() {
        // The diagram in the module documentation has 8 arrows, and 3 more for the pause.
        let all_actions = Action::ALL;
        let allowed: usize = State::ALL
            .iter()
            .map(|s| {
                all_actions
                    .iter()
                    .filter(|&&a| s.transition(a).is_ok())
                    .count()
            })
            .sum();
        assert_eq!(allowed, 11);
        assert!(State::Archived.allowed_actions().is_empty());
    }

    #[test]
    fn refusals_say_what_is_possible() {
        assert_eq!(
            State::Open
                .transition(Action::Publish)
                .unwrap_err()
                .to_string(),
            "cannot publish an election that is open; from open the election can: close, pause"
        );
        assert_eq!(
            State::Closed
                .transition(Action::Open)
                .unwrap_err()
                .to_string(),
            "cannot open an election that is closed; from closed the election can: record the count of"
        );
        assert_eq!(
            State::Archived
                .transition(Action::Open)
                .unwrap_err()
                .to_string(),
            "cannot open an election that is archived; from archived the election can: nothing (it is final)"
        );
        assert_eq!(
            State::Paused
                .transition(Action::Open)
                .unwrap_err()
                .to_string(),
            "cannot open an election that is paused; from paused the election can: close, resume"
        );
    }

    #[test]
    fn a_pause_refuses_ballots_and_keeps_the_safe_operations() {
        use Operation as O;
        assert_eq!(State::Open.transition(Action::Pause), Ok(State::Paused));
        assert_eq!(State::Paused.transition(Action::Resume), Ok(State::Open));
        assert_eq!(State::Paused.transition(Action::Close), Ok(State::Closed));
        assert!(State::Ready.transition(Action::Pause).is_err());
        assert!(!State::Paused.accepts_ballots());
        for op in [
            O::ExtendEnd,
            O::WithdrawCandidate,
            O::SwapCandidate,
            O::Strike,
            O::AddVoters,
            O::FixText,
        ] {
            assert!(State::Paused.allows(op), "{op}");
        }
        assert!(!State::Draft.allows(O::SwapCandidate));
        assert!(!State::Closed.allows(O::SwapCandidate));
    }

    #[test]
    fn operations_per_state() {
        use Operation as O;
        assert!(State::Draft.can_edit_questions());
        assert!(!State::Ready.can_edit_questions());
        assert!(!State::Open.can_edit_questions());
        assert!(State::Open.accepts_ballots());
        for s in State::ALL {
            assert_eq!(s.accepts_ballots(), s == State::Open, "{s}");
        }
        // The safe operations while open.
        for op in [
            O::ExtendEnd,
            O::WithdrawCandidate,
            O::Strike,
            O::AddVoters,
            O::FixText,
        ] {
            assert!(State::Open.allows(op), "{op}");
        }
        assert!(!State::Open.allows(O::ReplaceVoters));
        assert!(State::Closed.allows(O::Strike));
        assert!(!State::Counted.allows(O::Strike));
        assert!(!State::Published.allows(O::FixText));
        assert_eq!(
            State::Open
                .ensure_allows(O::EditDefinition)
                .unwrap_err()
                .to_string(),
            "cannot edit questions, candidates or dates while the election is open"
        );
    }

    #[test]
    fn json_names() {
        assert_eq!(
            serde_json::to_string(&State::Published).unwrap(),
            "\"published\""
        );
        assert_eq!(
            serde_json::from_str::<Action>("\"mark_ready\"").unwrap(),
            Action::MarkReady
        );
    }
}
