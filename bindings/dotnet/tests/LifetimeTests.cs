using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using NUnit.Framework;
using static Govit.Tests.TestData;

namespace Govit.Tests
{
    /// <summary>Disposal, the SafeHandle, finalization and Dispose racing with calls.</summary>
    [TestFixture]
    public class LifetimeTests
    {
        [Test]
        public void EveryMethodThrowsAfterDispose()
        {
            var e = new GovitEngine();
            Assert.IsNotNull(e.Rules());
            e.Dispose();
            string p = Project();
            AssertDisposed(() => e.Check(p));
            AssertDisposed(() => e.Check(p, "{}"));
            AssertDisposed(() => e.Apply(p, SubmitDemand()));
            AssertDisposed(() => e.Verify(p));
            AssertDisposed(() => e.DayInfo("2025-03-04"));
            AssertDisposed(() => e.AddWorkingDays("2025-03-04", 1));
            AssertDisposed(() => e.Rules());
            // Disposed is checked before the arguments.
            AssertDisposed(() => e.Check(null));
            // The statics do not need an engine.
            Assert.AreEqual(1, GovitEngine.AbiVersion);
            Assert.IsNotNull(GovitEngine.Version);
        }

        private static void AssertDisposed(TestDelegate call)
        {
            var ex = Assert.Throws<ObjectDisposedException>(call);
            Assert.AreEqual("GovitEngine", ex.ObjectName);
        }

        [Test]
        public void DisposeTwiceIsHarmless()
        {
            var e = new GovitEngine();
            e.Dispose();
            e.Dispose();
            using (e) { }
        }

        [Test]
        public void DisposeClosesTheSafeHandle()
        {
            var e = new GovitEngine();
            SafeHandle h = Handle(e);
            Assert.IsFalse(h.IsInvalid);
            Assert.IsFalse(h.IsClosed);
            e.Dispose();
            Assert.IsTrue(h.IsClosed);
        }

        [Test]
        public void UsingBlock()
        {
            string rules;
            using (var e = new GovitEngine())
            {
                rules = e.Rules();
            }
            Assert.IsNotEmpty(rules);
        }

        [Test]
        public void UndisposedEnginesAreFreedByTheFinalizer()
        {
            WeakReference[] handles = CreateAndDrop(200);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            int alive = 0;
            foreach (WeakReference w in handles)
            {
                if (w.IsAlive) alive++;
            }
            Assert.Less(alive, handles.Length, "the GC collected and released abandoned engines");
            // The library is still fine after the finalizer thread freed engines.
            using (var e = new GovitEngine())
            {
                Assert.AreEqual("draft", Str(Obj(e.Check(Project())), "state"));
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference[] CreateAndDrop(int n)
        {
            var refs = new WeakReference[n];
            for (int i = 0; i < n; i++)
            {
                var e = new GovitEngine();
                e.DayInfo("2025-03-04");
                refs[i] = new WeakReference(Handle(e));
            }
            return refs;
        }

        /// <summary>
        /// Dispose on one thread while 8 others are calling: calls either complete with the right
        /// answer or throw ObjectDisposedException; nothing crashes and nothing else is thrown.
        /// New calls are refused as soon as Dispose returns, even though calls in flight keep the
        /// SafeHandle's reference count above zero (so the handle itself is not yet closed).
        /// </summary>
        [Test]
        public void DisposeRacingWithCalls()
        {
            string expectedDay;
            string expectedCheck;
            using (var reference = new GovitEngine())
            {
                expectedDay = reference.DayInfo("2025-10-01");
                expectedCheck = reference.Check(Project());
            }

            for (int round = 0; round < 20; round++)
            {
                var engine = new GovitEngine();
                var errors = new List<Exception>();
                int completed = 0;
                int disposedSeen = 0;
                var started = new CountdownEvent(8);
                var threads = new Thread[8];
                for (int t = 0; t < threads.Length; t++)
                {
                    int id = t;
                    threads[t] = new Thread(() =>
                    {
                        started.Signal();
                        try
                        {
                            while (true)
                            {
                                string got = (id % 2 == 0) ? engine.DayInfo("2025-10-01") : engine.Check(Project());
                                string want = (id % 2 == 0) ? expectedDay : expectedCheck;
                                if (got != want) throw new Exception("wrong answer after " + completed + " calls");
                                Interlocked.Increment(ref completed);
                            }
                        }
                        catch (ObjectDisposedException)
                        {
                            Interlocked.Increment(ref disposedSeen);
                        }
                        catch (Exception ex)
                        {
                            lock (errors) errors.Add(ex);
                        }
                    });
                    threads[t].Start();
                }
                started.Wait();
                Thread.Sleep(5 + round % 5);
                engine.Dispose();
                int atDispose = Volatile.Read(ref completed);
                foreach (Thread th in threads)
                {
                    Assert.IsTrue(th.Join(TimeSpan.FromSeconds(10)), "a thread did not stop");
                }
                Assert.IsEmpty(errors, errors.Count > 0 ? errors[0].ToString() : "");
                Assert.AreEqual(8, disposedSeen, "every thread ends with ObjectDisposedException");
                // After Dispose returns, a thread may only finish the call it was already in.
                Assert.LessOrEqual(completed - atDispose, threads.Length, "calls that started after Dispose succeeded");
                Assert.IsTrue(Handle(engine).IsClosed);
            }
        }

        internal static SafeHandle Handle(GovitEngine e)
        {
            FieldInfo f = typeof(GovitEngine).GetField("_handle", BindingFlags.NonPublic | BindingFlags.Instance);
            Assert.IsNotNull(f, "GovitEngine._handle");
            return (SafeHandle)f.GetValue(e);
        }
    }
}
