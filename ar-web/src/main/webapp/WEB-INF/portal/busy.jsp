<!DOCTYPE html>
<html lang="${t.lang}">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title><c:out value="${t.get('busy.title')}"/></title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/portal/portal.css">
</head>
<body>
<main class="narrow">
  <h1><c:out value="${t.get('busy.title')}"/></h1>
  <p><c:out value="${t.get('busy.text')}"/></p>
</main>
</body>
</html>
