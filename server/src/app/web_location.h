#pragma once
// Where `serve` finds the built web app when --web is not given: the configured folder (default
// web/dist, relative to the working directory) when it holds an index.html, else the one beside
// the binary (BIN/../web/dist for a build tree, BIN/../share/tianshan/web for an install).

#include <optional>
#include <string>

namespace tianshan {

// The folder to serve the web app from, or nullopt (serve the API only). An explicitly given
// folder is never replaced by another; `executable` is the path of the running binary.
std::optional<std::string> LocateWebApp(const std::string& configured, bool given_explicitly,
                                        const std::string& executable);

}  // namespace tianshan
