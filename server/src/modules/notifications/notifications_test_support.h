#pragma once
// Test helpers of the notifications module (tests only): a raw reader of a server-sent-events
// stream, and a minimal SMTP relay on loopback that records what libcurl delivers to it (or
// refuses every recipient), so mail goes through a real SMTP conversation.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tianshan::testing {

inline int ConnectLoopback(uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Opens GET `path` with the session cookie and collects what arrives.
class EventStreamReader {
 public:
  EventStreamReader(uint16_t port, const std::string& path, const std::string& cookie) {
    fd_ = ConnectLoopback(port);
    if (fd_ < 0) return;
    std::string req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: " + cookie +
                      "\r\n\r\n";
    (void)!write(fd_, req.data(), req.size());
    thread_ = std::thread([this] {
      char buf[4096];
      while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0) continue;
        ssize_t n = read(fd_, buf, sizeof buf);
        if (n <= 0) break;
        std::lock_guard lock(mutex_);
        received_.append(buf, static_cast<size_t>(n));
      }
    });
  }
  ~EventStreamReader() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (fd_ >= 0) close(fd_);
  }
  std::string received() {
    std::lock_guard lock(mutex_);
    return received_;
  }
  // Waits until the received text contains `needle`; false after `timeout`.
  bool WaitFor(const std::string& needle, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (received().find(needle) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

 private:
  int fd_ = -1;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::string received_;
};

// An SMTP relay on 127.0.0.1 that accepts (or refuses: 550 for every RCPT) and records each
// message's DATA.
class SmtpSink {
 public:
  explicit SmtpSink(bool refuse = false) : refuse_(refuse) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    listen(listen_fd_, 8);
    socklen_t len = sizeof addr;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~SmtpSink() {
    stop_ = true;
    shutdown(listen_fd_, SHUT_RDWR);
    close(listen_fd_);
    if (thread_.joinable()) thread_.join();
  }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  std::vector<std::string> messages() {
    std::lock_guard lock(mutex_);
    return messages_;
  }

 private:
  static bool ReadLine(int fd, std::string& pending, std::string& line) {
    while (true) {
      auto nl = pending.find("\r\n");
      if (nl != std::string::npos) {
        line = pending.substr(0, nl);
        pending.erase(0, nl + 2);
        return true;
      }
      char buf[1024];
      ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0) return false;
      pending.append(buf, static_cast<size_t>(n));
    }
  }
  static void Say(int fd, const std::string& s) { (void)!write(fd, s.data(), s.size()); }

  void Serve() {
    while (!stop_) {
      int fd = accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) return;
      Say(fd, "220 sink ESMTP\r\n");
      std::string pending, line;
      bool in_data = false;
      std::string data;
      while (ReadLine(fd, pending, line)) {
        if (in_data) {
          if (line == ".") {
            in_data = false;
            {
              std::lock_guard lock(mutex_);
              messages_.push_back(data);
            }
            data.clear();
            Say(fd, "250 queued\r\n");
          } else {
            data += line + "\r\n";
          }
          continue;
        }
        const std::string verb = line.substr(0, 4);
        if (verb == "EHLO" || verb == "HELO") {
          Say(fd, "250 sink\r\n");
        } else if (verb == "MAIL") {
          Say(fd, "250 ok\r\n");
        } else if (verb == "RCPT") {
          Say(fd, refuse_ ? "550 no such user here\r\n" : "250 ok\r\n");
        } else if (verb == "DATA") {
          in_data = true;
          Say(fd, "354 go ahead\r\n");
        } else if (verb == "QUIT") {
          Say(fd, "221 bye\r\n");
          break;
        } else {
          Say(fd, "250 ok\r\n");
        }
      }
      close(fd);
    }
  }

  bool refuse_;
  int listen_fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> messages_;
};

}  // namespace tianshan::testing
