//! The session's clock: the system's, or one a test sets.

use std::fmt;
use std::sync::Arc;

use crate::annotations::Stamp;

/// Says what time it is, RFC 3339 to the second, for stamping changes.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> String + Send + Sync>);

impl Clock {
    /// The system's time.
    pub fn system() -> Self {
        Self::new(|| Stamp::now("").time)
    }

    /// Always `time`.
    pub fn fixed(time: impl Into<String>) -> Self {
        let time: String = time.into();
        Self::new(move || time.clone())
    }

    pub fn new(now: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Self(Arc::new(now))
    }

    pub fn now(&self) -> String {
        (self.0)()
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Clock({})", self.now())
    }
}
