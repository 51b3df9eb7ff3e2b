//! The built-in exception classes: their hierarchy and their JVM names.

/// A built-in Throwable class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExcClass {
    /// `java.lang.Throwable`
    Throwable,
    /// `java.lang.Exception`
    Exception,
    /// `java.lang.Error`
    Error,
    /// `java.lang.RuntimeException`
    RuntimeException,
    /// `java.lang.IllegalStateException`
    IllegalStateException,
    /// `java.lang.IllegalArgumentException`
    IllegalArgumentException,
    /// `java.lang.NumberFormatException`
    NumberFormatException,
    /// `java.lang.ArithmeticException`
    ArithmeticException,
    /// `java.io.IOException`
    IOException,
    /// `java.util.concurrent.CancellationException` (Kotlin's `CancellationException`)
    CancellationException,
    /// `kotlinx.coroutines.JobCancellationException`
    JobCancellationException,
    /// `kotlinx.coroutines.TimeoutCancellationException`
    TimeoutCancellationException,
    /// `java.lang.NullPointerException`
    NullPointerException,
    /// `java.lang.IndexOutOfBoundsException`
    IndexOutOfBoundsException,
    /// `java.lang.ArrayIndexOutOfBoundsException`
    ArrayIndexOutOfBoundsException,
    /// `java.lang.StringIndexOutOfBoundsException`
    StringIndexOutOfBoundsException,
    /// `java.util.IllegalFormatException`
    IllegalFormatException,
    /// `java.util.IllegalFormatConversionException`
    IllegalFormatConversionException,
    /// `java.util.MissingFormatArgumentException`
    MissingFormatArgumentException,
    /// `java.util.UnknownFormatConversionException`
    UnknownFormatConversionException,
    /// `java.util.NoSuchElementException`
    NoSuchElementException,
    /// `java.lang.UnsupportedOperationException`
    UnsupportedOperationException,
    /// `java.lang.ClassCastException`
    ClassCastException,
    /// `java.util.ConcurrentModificationException`
    ConcurrentModificationException,
    /// `java.lang.IllegalMonitorStateException`
    IllegalMonitorStateException,
    /// `java.lang.InterruptedException`
    InterruptedException,
    /// `java.util.concurrent.TimeoutException`
    TimeoutException,
    /// `java.util.concurrent.RejectedExecutionException`
    RejectedExecutionException,
    /// `kotlin.UninitializedPropertyAccessException`
    UninitializedPropertyAccessException,
    /// `kotlin.NotImplementedError`
    NotImplementedError,
    /// `java.lang.StackOverflowError`
    StackOverflowError,
    /// `java.lang.OutOfMemoryError`
    OutOfMemoryError,
    /// `java.lang.ExceptionInInitializerError`: an object's initializer threw.
    ExceptionInInitializerError,
    /// `java.lang.NoClassDefFoundError`: an object whose initializer threw is used again.
    NoClassDefFoundError,
    /// `kotlinx.coroutines.channels.ClosedReceiveChannelException`
    ClosedReceiveChannelException,
    /// `kotlinx.coroutines.channels.ClosedSendChannelException`
    ClosedSendChannelException,
    /// `kotlinx.coroutines.internal.DiagnosticCoroutineContextException`: added as a
    /// suppressed exception to one reported as uncaught, to name the coroutine's context.
    DiagnosticCoroutineContextException,
}

/// Every class, for lookups by name.
pub const ALL: &[ExcClass] = &[
    ExcClass::Throwable,
    ExcClass::Exception,
    ExcClass::Error,
    ExcClass::RuntimeException,
    ExcClass::IllegalStateException,
    ExcClass::IllegalArgumentException,
    ExcClass::NumberFormatException,
    ExcClass::ArithmeticException,
    ExcClass::IOException,
    ExcClass::CancellationException,
    ExcClass::JobCancellationException,
    ExcClass::TimeoutCancellationException,
    ExcClass::NullPointerException,
    ExcClass::IndexOutOfBoundsException,
    ExcClass::ArrayIndexOutOfBoundsException,
    ExcClass::StringIndexOutOfBoundsException,
    ExcClass::IllegalFormatException,
    ExcClass::IllegalFormatConversionException,
    ExcClass::MissingFormatArgumentException,
    ExcClass::UnknownFormatConversionException,
    ExcClass::NoSuchElementException,
    ExcClass::UnsupportedOperationException,
    ExcClass::ClassCastException,
    ExcClass::ConcurrentModificationException,
    ExcClass::IllegalMonitorStateException,
    ExcClass::InterruptedException,
    ExcClass::TimeoutException,
    ExcClass::RejectedExecutionException,
    ExcClass::UninitializedPropertyAccessException,
    ExcClass::NotImplementedError,
    ExcClass::StackOverflowError,
    ExcClass::OutOfMemoryError,
    ExcClass::ExceptionInInitializerError,
    ExcClass::NoClassDefFoundError,
    ExcClass::ClosedReceiveChannelException,
    ExcClass::ClosedSendChannelException,
    ExcClass::DiagnosticCoroutineContextException,
];

impl ExcClass {
    /// The fully qualified JVM name, as `toString()` prints it.
    pub fn qualified_name(self) -> &'static str {
        use ExcClass::*;
        match self {
            Throwable => "java.lang.Throwable",
            Exception => "java.lang.Exception",
            Error => "java.lang.Error",
            RuntimeException => "java.lang.RuntimeException",
            IllegalStateException => "java.lang.IllegalStateException",
            IllegalArgumentException => "java.lang.IllegalArgumentException",
            NumberFormatException => "java.lang.NumberFormatException",
            ArithmeticException => "java.lang.ArithmeticException",
            IOException => "java.io.IOException",
            CancellationException => "java.util.concurrent.CancellationException",
            JobCancellationException => "kotlinx.coroutines.JobCancellationException",
            TimeoutCancellationException => "kotlinx.coroutines.TimeoutCancellationException",
            NullPointerException => "java.lang.NullPointerException",
            IndexOutOfBoundsException => "java.lang.IndexOutOfBoundsException",
            ArrayIndexOutOfBoundsException => "java.lang.ArrayIndexOutOfBoundsException",
            StringIndexOutOfBoundsException => "java.lang.StringIndexOutOfBoundsException",
            IllegalFormatException => "java.util.IllegalFormatException",
            IllegalFormatConversionException => "java.util.IllegalFormatConversionException",
            MissingFormatArgumentException => "java.util.MissingFormatArgumentException",
            UnknownFormatConversionException => "java.util.UnknownFormatConversionException",
            NoSuchElementException => "java.util.NoSuchElementException",
            UnsupportedOperationException => "java.lang.UnsupportedOperationException",
            ClassCastException => "java.lang.ClassCastException",
            ConcurrentModificationException => "java.util.ConcurrentModificationException",
            IllegalMonitorStateException => "java.lang.IllegalMonitorStateException",
            InterruptedException => "java.lang.InterruptedException",
            TimeoutException => "java.util.concurrent.TimeoutException",
            RejectedExecutionException => "java.util.concurrent.RejectedExecutionException",
            UninitializedPropertyAccessException => "kotlin.UninitializedPropertyAccessException",
            NotImplementedError => "kotlin.NotImplementedError",
            StackOverflowError => "java.lang.StackOverflowError",
            OutOfMemoryError => "java.lang.OutOfMemoryError",
            ExceptionInInitializerError => "java.lang.ExceptionInInitializerError",
            NoClassDefFoundError => "java.lang.NoClassDefFoundError",
            ClosedReceiveChannelException => "kotlinx.coroutines.channels.ClosedReceiveChannelException",
            ClosedSendChannelException => "kotlinx.coroutines.channels.ClosedSendChannelException",
            DiagnosticCoroutineContextException => "kotlinx.coroutines.internal.DiagnosticCoroutineContextException",
        }
    }

    /// The simple name: `IllegalStateException`.
    pub fn simple_name(self) -> &'static str {
        let q = self.qualified_name();
        q.rsplit('.').next().unwrap_or(q)
    }

    /// The direct superclass; `None` for Throwable.
    #[inline(never)]
    pub fn parent(self) -> Option<ExcClass> {
        use ExcClass::*;
        Some(match self {
            Throwable => return None,
            Exception | Error => Throwable,
            RuntimeException | IOException | InterruptedException | TimeoutException => Exception,
            IllegalStateException
            | IllegalArgumentException
            | ArithmeticException
            | NullPointerException
            | IndexOutOfBoundsException
            | NoSuchElementException
            | UnsupportedOperationException
            | ClassCastException
            | ConcurrentModificationException
            | IllegalMonitorStateException
            | RejectedExecutionException
            | UninitializedPropertyAccessException
            | DiagnosticCoroutineContextException => RuntimeException,
            NumberFormatException | IllegalFormatException => IllegalArgumentException,
            ArrayIndexOutOfBoundsException | StringIndexOutOfBoundsException => IndexOutOfBoundsException,
            IllegalFormatConversionException | MissingFormatArgumentException | UnknownFormatConversionException => IllegalFormatException,
            CancellationException | ClosedSendChannelException => IllegalStateException,
            ClosedReceiveChannelException => NoSuchElementException,
            JobCancellationException | TimeoutCancellationException => CancellationException,
            // The last two are a `LinkageError`'s, which the engine does not name.
            NotImplementedError | StackOverflowError | OutOfMemoryError | ExceptionInInitializerError | NoClassDefFoundError => Error,
        })
    }

    /// True when `self` is `other` or a subclass of it.
    pub fn is_a(self, other: ExcClass) -> bool {
        let mut c = Some(self);
        while let Some(k) = c {
            if k == other {
                return true;
            }
            c = k.parent();
        }
        false
    }

    /// True for CancellationException and its subclasses.
    pub fn is_cancellation(self) -> bool {
        self.is_a(ExcClass::CancellationException)
    }

    /// The class written `name` in Kotlin source (simple or qualified), if built in.
    pub fn from_name(name: &str) -> Option<ExcClass> {
        let simple = name.rsplit('.').next().unwrap_or(name);
        let simple = match simple {
            "KotlinNullPointerException" => "NullPointerException",
            other => other,
        };
        // An internal class of kotlinx.coroutines, which programs cannot name.
        ALL.iter().copied().filter(|c| *c != ExcClass::DiagnosticCoroutineContextException).find(|c| c.simple_name() == simple)
    }

    /// Whether a user program may construct it directly.
    pub fn is_constructible(self) -> bool {
        !matches!(self, ExcClass::JobCancellationException | ExcClass::TimeoutCancellationException | ExcClass::DiagnosticCoroutineContextException)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hierarchy() {
        assert!(ExcClass::JobCancellationException.is_cancellation());
        assert!(ExcClass::CancellationException.is_a(ExcClass::IllegalStateException));
        assert!(!ExcClass::IOException.is_a(ExcClass::RuntimeException));
        assert_eq!(ExcClass::from_name("java.io.IOException"), Some(ExcClass::IOException));
        assert_eq!(ExcClass::CancellationException.qualified_name(), "java.util.concurrent.CancellationException");
        assert!(ExcClass::ArrayIndexOutOfBoundsException.is_a(ExcClass::IndexOutOfBoundsException));
        assert!(ExcClass::IllegalFormatConversionException.is_a(ExcClass::IllegalArgumentException));
    }
}
