// « Communes couvertes » in the admin (cls/commune_picker.py): search an EPCI or a commune,
// add its check boxes, tick or untick them. The server renders every piece of HTML.
(() => {
  const { Controller } = window.StimulusModule;

  class CommunesPickerController extends Controller {
    static targets = ['query', 'results', 'summary', 'groups'];

    static values = {
      searchUrl: String,
      groupUrl: String,
      name: String,
      tickAll: Boolean,
      summary: String,
    };

    search() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.searchNow(), 250);
    }

    async searchNow(event) {
      event?.preventDefault(); // Enter in the search box must not submit the page
      clearTimeout(this.timer);
      const query = this.queryTarget.value.trim();
      const response = await fetch(`${this.searchUrlValue}?${new URLSearchParams({ q: query })}`);
      if (query === this.queryTarget.value.trim()) {
        this.resultsTarget.innerHTML = await response.text();
      }
    }

    focusResults(event) {
      const first = this.resultsTarget.querySelector('button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }

    async add(event) {
      const { epci, commune } = event.currentTarget.dataset;
      let group = epci && this.group(epci);
      let box = commune && this.box(commune);
      if (!group && !box) {
        const params = new URLSearchParams({ name: this.nameValue });
        if (commune) params.set('commune', commune);
        else params.set('epci', epci);
        if (epci && this.tickAllValue) params.set('all', '1');
        const response = await fetch(`${this.groupUrlValue}?${params}`);
        if (!response.ok) return;
        const template = document.createElement('template');
        template.innerHTML = (await response.text()).trim();
        group = template.content.firstElementChild;
        this.groupsTarget.prepend(group);
        box = commune && this.box(commune);
      } else if (group && this.tickAllValue) {
        this.tick(group, true);
      }
      if (box) box.checked = true;
      this.resultsTarget.innerHTML = '';
      this.queryTarget.value = '';
      this.count();
      (box || group.querySelector('input')).focus();
    }

    tickGroup(event) {
      this.tick(event.currentTarget.closest('fieldset'), event.currentTarget.dataset.tick === 'true');
      this.count();
    }

    tick(group, checked) {
      group.querySelectorAll('input[type="checkbox"]').forEach((box) => {
        box.checked = checked;
      });
    }

    count() {
      const ticked = this.groupsTarget.querySelectorAll('input[type="checkbox"]:checked').length;
      this.summaryTarget.textContent = this.summaryValue.replace('%(count)s', ticked);
    }

    group(key) {
      return this.groupsTarget.querySelector(`fieldset[data-group="${CSS.escape(key)}"]`);
    }

    box(id) {
      return this.groupsTarget.querySelector(`input[value="${CSS.escape(id)}"]`);
    }
  }

  window.wagtail.app.register('communes-picker', CommunesPickerController);
})();
