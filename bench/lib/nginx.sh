# The HTTP limit: nginx serving a small static file on loopback. Sets NGINX_PORT.
start_nginx() {
  NGINX_PORT=$(free_port)
  mkdir -p "$work/nginx/html" "$work/nginx/tmp"
  printf '{"status":"ok"}' > "$work/nginx/html/health.json"
  # mktemp makes the folder private; nginx's workers (www-data when started as root) must read it.
  chmod 755 "$work" "$work/nginx" "$work/nginx/html"
  chmod 644 "$work/nginx/html/health.json"
  cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root $work/nginx/html; }
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp; fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
}
CONF
  nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
  pids+=($!)
  wait_http "http://127.0.0.1:$NGINX_PORT/health.json"
}
