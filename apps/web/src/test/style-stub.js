// Stylesheets mean nothing in jsdom; jest maps `*.css` / `*.less` imports here.
module.exports = {};
