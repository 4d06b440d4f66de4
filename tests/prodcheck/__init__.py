"""bin/prodcheck: the production configuration run and driven through a journey (not pytest)."""
