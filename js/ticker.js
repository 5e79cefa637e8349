// nbfrag ticker: the browser-side clock behind `run_every`.
//
// Traits (kernel -> browser):
//   interval: float, seconds between reruns
//   seq:      int, bumped by the kernel once it has finished handling a tick
//
// Each view arms one timeout. When it fires we send {event: "tick", seq} and
// do NOT re-arm: the next countdown starts only when `seq` changes, i.e. when
// the kernel has finished the rerun. A fragment body slower than its interval
// therefore never queues up a backlog of ticks. Several views of one model
// each run their own timer; they report the same seq and the kernel dedupes.

// setTimeout stores its delay as a signed 32-bit int; anything larger
// overflows and fires almost at once, so clamp to the largest safe delay.
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Convert the `interval` trait (seconds) to a setTimeout delay in ms.
 * Returns null when no timer should be armed (missing, NaN, +Infinity).
 */
export function delayMs(interval) {
  if (typeof interval !== "number" || Number.isNaN(interval)) return null;
  if (interval === Infinity) return null; // "never" rather than "at once"
  if (interval <= 0) return 0;
  return Math.min(interval * 1000, MAX_DELAY_MS);
}

/**
 * Start ticking for one view of `model`. Returns the cleanup function that
 * stops the timer and unregisters the listeners (e.g. the page was closed or
 * the cell output cleared: a view that is gone must not tick any more).
 */
export function startTicker(model) {
  let timer = null;

  const disarm = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };

  // (Re)start the countdown from now. Called on render, when the kernel
  // finished a rerun (seq changed) and when the interval changed.
  const arm = () => {
    disarm();
    const ms = delayMs(model.get("interval"));
    if (ms === null) return;
    timer = setTimeout(() => {
      timer = null;
      // Read seq at fire time: it names the rerun this tick asks for.
      model.send({ event: "tick", seq: model.get("seq") });
    }, ms);
  };

  model.on("change:seq", arm);
  model.on("change:interval", arm);
  arm();

  return () => {
    disarm();
    model.off("change:seq", arm);
    model.off("change:interval", arm);
  };
}

export default {
  render({ model, el }) {
    // Nothing to show: the widget only exists to keep time.
    el.style.display = "none";
    return startTicker(model);
  },
};
