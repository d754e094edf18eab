// Starts Swagger UI on the API reference page (api-docs/index.xhtml) with the document the page
// names in data-document; a file of its own because the pages' policy allows no inline script.
window.addEventListener('load', function () {
  var element = document.getElementById('swagger-ui');
  window.SwaggerUIBundle({
    url: element.getAttribute('data-document'),
    domNode: element,
    deepLinking: true,
    docExpansion: 'none',
    defaultModelsExpandDepth: 0,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
