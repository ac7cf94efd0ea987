/* Kvalitetsportalen: starts Det Fælles Designsystem's components. Every page works without this file. */
(function () {
    "use strict";

    function start() {
        document.documentElement.classList.add("js");
        if (window.DKFDS && typeof window.DKFDS.init === "function") {
            window.DKFDS.init();
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
