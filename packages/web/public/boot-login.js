/*
 * The login form before the app's JavaScript arrives (issue 16). On a slow 3G
 * line the app takes seconds to download and start; this form, plain HTML in
 * index.html and this small classic script (the CSP forbids inline scripts),
 * takes the member's name and password at once. It signs in with the same
 * JSON request as the app; the app then starts signed in. Once the app has
 * started it replaces the form and carries over whatever was typed
 * (src/app/boot-login.ts).
 */
(function () {
  var form = document.getElementById('boot-login');
  if (!form) return;
  function stored(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }
  // A phone that was signed in opens on its pages, not on a form it may not need.
  if (stored('caunoi.signedIn') === '1' && location.pathname !== '/login') return;
  var english = stored('caunoi.language') === 'en';
  var text = english
    ? {
        title: 'Log in',
        username: 'Username',
        password: 'Password',
        submit: 'Log in',
        missing: 'Enter your username and password.',
        failed: 'Could not log in. Please try again.',
        offline: 'Cannot reach the server. Check the connection and try again.',
        opening: 'Signed in. Opening the app…',
      }
    : {
        title: 'Đăng nhập',
        username: 'Tên đăng nhập',
        password: 'Mật khẩu',
        submit: 'Đăng nhập',
        missing: 'Nhập tên đăng nhập và mật khẩu.',
        failed: 'Đăng nhập không thành công. Vui lòng thử lại.',
        offline: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
        opening: 'Đã đăng nhập. Đang mở ứng dụng…',
      };
  function set(id, value) {
    var el = document.getElementById(id);
    if (el) el.textContent = value;
  }
  set('boot-login-title', text.title);
  set('boot-username-label', text.username);
  set('boot-password-label', text.password);
  set('boot-submit', text.submit);
  var error = document.getElementById('boot-login-error');
  var button = document.getElementById('boot-submit');
  function fail(message) {
    error.textContent = message;
    error.hidden = false;
    button.disabled = false;
  }
  form.hidden = false;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var username = form.elements.username.value.trim();
    var password = form.elements.password.value;
    if (!username || !password) return fail(text.missing);
    error.hidden = true;
    button.disabled = true;
    window.__caunoiBootLogin = fetch('/api/v1/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ username: username, password: password }),
    }).then(
      function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (body) {
            if (!response.ok) {
              // The server's own message (Vietnamese), e.g. a wrong password or a lock with its minutes.
              fail(english || !body.error || !body.error.message ? text.failed : body.error.message);
              return false;
            }
            try {
              localStorage.setItem('caunoi.signedIn', '1');
            } catch {
              // Private mode: the app asks the server anyway.
            }
            form.hidden = true;
            set('boot-status', text.opening);
            if (location.pathname === '/login') history.replaceState(null, '', '/');
            return true;
          });
      },
      function () {
        fail(text.offline);
        return false;
      },
    );
  });
})();
