/* Kvalitetsportalen search: title suggestions (a datalist) as the person types in a search box.
   Progressive enhancement only: without this file the search box is a plain GET form. Facets are not sent
   on ticking: a page that reloads while someone ticks boxes changes context under them (WCAG 3.2.2). */
(function () {
    "use strict";

    var DELAY_MS = 150;
    var MIN_LENGTH = 2;

    function suggestTitles(form) {
        var input = form.querySelector("input[name='q']");
        if (!input || !form.dataset.autocompleteUrl) {
            return;
        }
        var list = document.createElement("datalist");
        list.id = input.id + "-suggestions";
        form.appendChild(list);
        input.setAttribute("list", list.id);
        var timer = null;
        var latest = 0;

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            var text = input.value.trim();
            if (text.length < MIN_LENGTH) {
                list.replaceChildren();
                return;
            }
            timer = window.setTimeout(function () {
                var asked = ++latest;
                var url = form.dataset.autocompleteUrl + "?q=" + encodeURIComponent(text);
                fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
                    .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                    .then(function (data) {
                        if (asked !== latest) {
                            return; // an answer to an older keystroke
                        }
                        list.replaceChildren.apply(list, data.suggestions.map(function (suggestion) {
                            var option = document.createElement("option");
                            option.value = suggestion.title;
                            option.label = suggestion.document_number + " " + suggestion.title;
                            return option;
                        }));
                    })
                    .catch(function () { list.replaceChildren(); });
            }, DELAY_MS);
        });
    }

    function start() {
        document.querySelectorAll("form.portal-search").forEach(suggestTitles);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
