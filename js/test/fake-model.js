// Shared by the tests: a minimal stand-in for an anywidget model.
// Minimal stand-in for an anywidget model: get/set/on/off/send, where set
// emits "change:<name>" like Backbone does when the kernel updates a trait.
export class FakeModel {
  constructor(state) {
    this.state = { ...state };
    this.handlers = new Map();
    this.sent = [];
  }
  get(name) {
    return this.state[name];
  }
  set(name, value) {
    this.state[name] = value;
    for (const cb of [...(this.handlers.get(`change:${name}`) ?? [])]) cb();
  }
  save_changes() {}
  on(event, cb) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event).add(cb);
  }
  off(event, cb) {
    this.handlers.get(event)?.delete(cb);
  }
  send(content) {
    this.sent.push(content);
  }
  listenerCount(event) {
    return this.handlers.get(event)?.size ?? 0;
  }
}
